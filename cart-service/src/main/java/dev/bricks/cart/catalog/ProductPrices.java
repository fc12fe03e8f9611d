package dev.bricks.cart.catalog;

import dev.bricks.cart.CartConfig;
import dev.bricks.cart.pricing.PriceQuote;
import dev.bricks.cart.store.PriceSnapshot;
import dev.bricks.contracts.Money;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.jboss.logging.Logger;

/**
 * Prices from the catalog, remembered in a small local cache ({@code catalog-products}, bounded
 * Caffeine). A remembered answer is used as is while younger than
 * {@code bricks.cart.catalog.fresh-for}, and as the "last known price" when the catalog cannot
 * answer. Checkout always asks the catalog.
 */
@ApplicationScoped
public class ProductPrices {

    private static final Logger LOG = Logger.getLogger(ProductPrices.class);

    /** The SKU is not in the catalogue. */
    public static class UnknownProduct extends RuntimeException {
        public UnknownProduct(String sku) {
            super(sku, null, false, false);
        }
    }

    /** The catalog could not be asked (down, slow, breaker open). */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String sku, Throwable cause) {
            super("catalog unavailable for " + sku, cause, false, false);
        }
    }

    private record Remembered(CatalogAnswer answer, Instant at) {
    }

    private final CatalogGateway gateway;
    private final CaffeineCache remembered;
    private final CartConfig config;
    private final Clock clock = Clock.systemUTC();

    ProductPrices(CatalogGateway gateway, @CacheName("catalog-products") Cache cache, CartConfig config) {
        this.gateway = gateway;
        this.remembered = cache.as(CaffeineCache.class);
        this.config = config;
    }

    /** For adding a line: a fresh-enough price, or an exception saying why there is none. */
    public PriceQuote forChange(String sku) {
        Remembered known = recall(sku);
        if (known != null && isFresh(known)) {
            return quote(known.answer(), false);
        }
        return quote(ask(sku), false);
    }

    /** For checkout: always the catalog's current answer. */
    public PriceQuote forCheckout(String sku) {
        return quote(ask(sku), false);
    }

    /** For showing a line: never fails; falls back to the remembered answer, then to the line's snapshot. */
    public PriceQuote forDisplay(String sku, PriceSnapshot snapshot) {
        Remembered known = recall(sku);
        if (known != null && isFresh(known)) {
            return quote(known.answer(), false);
        }
        try {
            return quote(ask(sku), false);
        } catch (UnknownProduct e) {
            return fromSnapshot(snapshot);
        } catch (Unavailable e) {
            return known != null ? quote(known.answer(), true) : fromSnapshot(snapshot);
        }
    }

    private CatalogAnswer ask(String sku) {
        try {
            CatalogAnswer answer = gateway.fetch(sku);
            remembered.put(sku, CompletableFuture.completedFuture(new Remembered(answer, clock.instant())));
            return answer;
        } catch (RuntimeException e) {
            if (causedBy(e, UnknownProductException.class)) {
                remembered.invalidate(sku).await().indefinitely();
                throw new UnknownProduct(sku);
            }
            LOG.debugf("catalog unavailable for %s: %s", sku, e.toString());
            throw new Unavailable(sku, e);
        }
    }

    private Remembered recall(String sku) {
        CompletableFuture<Object> value = remembered.getIfPresent(sku);
        if (value == null) {
            return null;
        }
        try {
            return (Remembered) value.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private boolean isFresh(Remembered known) {
        return known.at().plus(config.catalog().freshFor()).isAfter(clock.instant());
    }

    private static PriceQuote quote(CatalogAnswer answer, boolean stale) {
        return new PriceQuote(answer.product().name(), answer.product().price(), answer.generation(), stale);
    }

    private static PriceQuote fromSnapshot(PriceSnapshot snapshot) {
        if (snapshot == null) {
            return null;
        }
        return new PriceQuote(snapshot.name(), new Money(snapshot.amount(), snapshot.currency()), 0, true);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
