package dev.bricks.cart.catalog;

import dev.bricks.contracts.catalog.CatalogHeaders;
import dev.bricks.contracts.catalog.Product;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The guarded call to the catalog. Retry wraps the breaker, which wraps the timeout: each attempt
 * is bounded, every failed attempt counts for the breaker, and once it is open the call fails at
 * once (no retry of an open breaker). A 404 is an answer, not a failure. All values can be
 * tuned with {@code quarkus.fault-tolerance."dev.bricks.cart.catalog.CatalogGateway/fetch".*}.
 */
@ApplicationScoped
public class CatalogGateway {

    private final CatalogApi catalog;

    CatalogGateway(@RestClient CatalogApi catalog) {
        this.catalog = catalog;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 100, jitter = 50,
            abortOn = { UnknownProductException.class, CircuitBreakerOpenException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.5, delay = 10_000, successThreshold = 1,
            skipOn = UnknownProductException.class)
    public CatalogAnswer fetch(String sku) {
        RestResponse<Product> response = catalog.product(sku);
        Product product = response.getEntity();
        if (product == null || product.price() == null || product.price().amount() == null
                || product.price().currency() == null) {
            throw new CatalogUnavailableException("catalog answered without a price for " + sku);
        }
        return new CatalogAnswer(product, generation(response.getHeaderString(CatalogHeaders.GENERATION)));
    }

    private static long generation(String header) {
        try {
            return header == null ? 0 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
