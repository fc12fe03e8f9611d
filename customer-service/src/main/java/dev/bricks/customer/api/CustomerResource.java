package dev.bricks.customer.api;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.customer.CustomerProfile;
import dev.bricks.contracts.customer.ProfileUpdate;
import dev.bricks.contracts.customer.Registration;
import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.customer.TokenResponse;
import dev.bricks.contracts.problem.Problem;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.customer.account.CustomerService;
import dev.bricks.customer.signin.SignInService;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "customers", description = "Registration, sign-in (JWT) and the customer's profile")
public class CustomerResource {

    /** Only a UUID matches, so that e.g. GET /token is a 405 rather than a lookup of customer "token". */
    private static final String UUID_PATTERN =
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private final CustomerService customers;
    private final SignInService signIn;
    private final JsonWebToken jwt;

    CustomerResource(CustomerService customers, SignInService signIn, JsonWebToken jwt) {
        this.customers = customers;
        this.signIn = signIn;
        this.jwt = jwt;
    }

    @POST
    @PermitAll
    @Operation(summary = "Register a shopper account",
            description = "Creates a customer (never staff). The e-mail is unique regardless of case.")
    @APIResponse(responseCode = "201", description = "Registered",
            headers = @Header(name = "Location", description = "/api/customers/{id}"),
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in the problem)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "E-mail already registered",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Database failover in progress; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response register(@Valid @NotNull Registration registration) {
        PlainText.check(registration);
        CustomerProfile profile = customers.register(registration);
        return Response.created(URI.create("/api/customers/" + profile.id())).entity(profile).build();
    }

    @POST
    @Path("token")
    @PermitAll
    @Operation(summary = "Sign in",
            description = "Exchanges e-mail and password for an RS256 access token (groups customer or staff).")
    @APIResponse(responseCode = "200", description = "Signed in",
            content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown e-mail or wrong password (indistinguishable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this e-mail; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public TokenResponse token(@Valid @NotNull TokenRequest request) {
        PlainText.check(request);
        return signIn.signIn(request);
    }

    @GET
    @Path("me")
    @RolesAllowed({ Roles.CUSTOMER, Roles.STAFF })
    @Operation(summary = "The signed-in customer's profile")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerProfile me() {
        return customers.profile(currentCustomerId());
    }

    @PUT
    @Path("me")
    @RolesAllowed({ Roles.CUSTOMER, Roles.STAFF })
    @Operation(summary = "Replace the signed-in customer's name and addresses")
    @APIResponse(responseCode = "200", description = "The updated profile",
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "400", description = "Invalid field (named in the problem)",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Changed concurrently",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = "Database failover in progress; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerProfile updateMe(@Valid @NotNull ProfileUpdate update) {
        UUID id = currentCustomerId();
        PlainText.check(update);
        return customers.updateProfile(id, update);
    }

    @GET
    @Path("{id: " + UUID_PATTERN + "}")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "A customer's profile (staff)")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = CustomerProfile.class)))
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CustomerProfile byId(@PathParam("id") UUID id) {
        return customers.profile(id);
    }

    private UUID currentCustomerId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.notFound("this token's subject is not a customer id");
        }
    }
}
