package dev.bricks.order.backoffice;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** customer-service's sign-in ({@code quarkus.rest-client.customers.url}, the gateway by default). */
@RegisterRestClient(configKey = "customers")
@Path("/api/customers")
public interface CustomerTokenClient {

    record Credentials(String email, String password) {
    }

    record Token(String accessToken, long expiresIn) {
    }

    @POST
    @Path("/token")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Token token(Credentials credentials);
}
