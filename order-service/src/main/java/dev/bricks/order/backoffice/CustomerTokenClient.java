package dev.bricks.order.backoffice;

import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.customer.TokenResponse;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * customer-service's sign-in ({@code quarkus.rest-client.customers.url}, the gateway by default),
 * with its public request and answer ({@code dev.bricks.contracts.customer}). The request is not
 * validated here ({@code @Valid} absent): the back-office checks the form itself and customer-service
 * answers a bad one with a 400.
 */
@RegisterRestClient(configKey = "customers")
@Path("/api/customers")
public interface CustomerTokenClient {

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    TokenResponse token(TokenRequest credentials);
}
