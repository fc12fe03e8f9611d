package dev.bricks.cart.api;

import dev.bricks.cart.cart.CartService;
import dev.bricks.cart.checkout.CheckoutService;
import dev.bricks.contracts.Roles;
import dev.bricks.contracts.Sku;
import dev.bricks.contracts.cart.CartView;
import dev.bricks.contracts.cart.CheckoutAccepted;
import dev.bricks.contracts.cart.LineQuantity;
import dev.bricks.contracts.problem.Problem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/carts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Carts", description = "Shopping carts: anonymous until a signed-in customer uses them")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@APIResponse(responseCode = "404", description = "No such cart, or it belongs to someone else",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class CartResource {

    private final CartService carts;
    private final CheckoutService checkouts;
    private final Caller caller;

    CartResource(CartService carts, CheckoutService checkouts, Caller caller) {
        this.carts = carts;
        this.checkouts = checkouts;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create an empty cart",
            description = "With a customer token the cart belongs to that customer from the start.")
    @APIResponse(responseCode = "201", description = "Created; Location names the cart",
            content = @Content(schema = @Schema(implementation = CartView.class)))
    public Response create() {
        CartView cart = carts.create(caller.subject());
        return Response.created(URI.create("/api/carts/" + cart.id())).entity(cart).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Show a cart with current prices",
            description = "When the catalog cannot be asked, lines show their last known price with priceStale=true.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CartView.class)))
    public CartView show(@PathParam("id") String id) {
        return carts.show(id, caller.subject());
    }

    @PUT
    @Path("/{id}/items/{sku}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the quantity (1..99) of a line, adding the product if needed")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CartView.class)))
    @APIResponse(responseCode = "400", description = "Bad quantity, SKU or body")
    @APIResponse(responseCode = "409", description = "The cart is full (100 lines) or being checked out")
    @APIResponse(responseCode = "422", description = "The SKU is not in the catalogue")
    @APIResponse(responseCode = "503", description = "The catalog cannot price the product now; see Retry-After")
    public CartView setLine(@PathParam("id") String id,
            @PathParam("sku") @Pattern(regexp = Sku.PATTERN, message = Sku.RULE) String sku,
            @Valid @NotNull LineQuantity body) {
        return carts.setLine(id, caller.subject(), sku, body.quantity());
    }

    @DELETE
    @Path("/{id}/items/{sku}")
    @Operation(summary = "Remove a line (no error if it is not there)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CartView.class)))
    public CartView removeLine(@PathParam("id") String id,
            @PathParam("sku") @Pattern(regexp = Sku.PATTERN, message = Sku.RULE) String sku) {
        return carts.removeLine(id, caller.subject(), sku);
    }

    @POST
    @Path("/{id}/checkout")
    @RolesAllowed(Roles.CUSTOMER)
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Place the order",
            description = "Re-prices every line, hands the order to order-service and empties the cart. "
                    + "A repeated or concurrent checkout of the same cart answers the same order id.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the order",
            content = @Content(schema = @Schema(implementation = CheckoutAccepted.class)))
    @APIResponse(responseCode = "401", description = "No valid customer token")
    @APIResponse(responseCode = "403", description = "The token is not a customer's (no customer group,"
            + " or its subject is not a customer id, or it has no e-mail)")
    @APIResponse(responseCode = "409", description = "The cart is empty")
    @APIResponse(responseCode = "422", description = "A line is no longer in the catalogue")
    @APIResponse(responseCode = "503", description = "Catalog or order queue unavailable; the cart is unchanged")
    public Response checkout(@PathParam("id") String id) {
        String orderId = checkouts.checkout(id, caller.customerId(), caller.email());
        return Response.accepted(new CheckoutAccepted(orderId))
                .location(URI.create("/api/orders/" + orderId)).build();
    }
}
