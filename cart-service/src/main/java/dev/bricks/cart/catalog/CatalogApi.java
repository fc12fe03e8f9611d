package dev.bricks.cart.catalog;

import dev.bricks.contracts.catalog.Product;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

/** The catalog's public product endpoint ({@code quarkus.rest-client.catalog.url}). */
@RegisterRestClient(configKey = "catalog")
@Path("/api/catalog/products")
public interface CatalogApi {

    @GET
    @Path("/{sku}")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<Product> product(@PathParam("sku") String sku);

    /** 404 means "no such product" (not a failure of the catalog); anything else ≥ 400 is. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        if (response.getStatus() == 404) {
            return new UnknownProductException();
        }
        if (response.getStatus() >= 400) {
            return new CatalogUnavailableException("catalog answered " + response.getStatus());
        }
        return null;
    }
}
