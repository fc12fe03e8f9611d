package dev.bricks.order.api;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.order.OrderPage;
import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.order.OrderSummary;
import dev.bricks.contracts.order.OrderView;
import dev.bricks.contracts.problem.Problem;
import dev.bricks.order.order.Caller;
import dev.bricks.order.order.OrderFilterParams;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.order.OrderService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "orders", description = "Orders drained from orders.placed: back-office queries and lifecycle")
@SecurityScheme(securitySchemeName = "jwt", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class OrderResource {

    private static final String STATUS = "PLACED, FULFILLED or CANCELLED";
    private static final String INSTANT = "ISO-8601 instant or date (UTC); from inclusive, to exclusive";

    private final OrderService orders;
    private final JsonWebToken token;

    OrderResource(OrderService orders, JsonWebToken token) {
        this.orders = orders;
        this.token = token;
    }

    @GET
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Orders matching the filters, newest first, one page (staff)")
    @APIResponse(responseCode = "200", description = "one page")
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem")
    @APIResponse(responseCode = "403", description = "not staff")
    // the filters' descriptions (OrderFilterParams) for this operation; listed by name, as the document lists them
    @Parameter(name = "customerId", in = ParameterIn.QUERY, description = "customer id (UUID)")
    @Parameter(name = "email", in = ParameterIn.QUERY, description = "customer e-mail, case-insensitive")
    @Parameter(name = "from", in = ParameterIn.QUERY, description = INSTANT)
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "zero-based page, default 0")
    @Parameter(name = "size", in = ParameterIn.QUERY, description = "1..100, default 20")
    @Parameter(name = "sku", in = ParameterIn.QUERY, description = "orders with a line of this SKU")
    @Parameter(name = "status", in = ParameterIn.QUERY, description = STATUS)
    @Parameter(name = "to", in = ParameterIn.QUERY, description = INSTANT)
    public OrderPage list(@BeanParam OrderFilterParams filters, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return orders.list(filters.filter(), OrderQuery.page(page), OrderQuery.size(size));
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Every order matching the filters as CSV, newest first (staff)")
    @APIResponse(responseCode = "200", description = "text/csv with a header row")
    @APIResponse(responseCode = "403", description = "not staff")
    public Response export(@BeanParam OrderFilterParams filters) {
        String csv = orders.exportCsv(filters.filter());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"orders.csv\"").build();
    }

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Orders and revenue per UTC day, status and currency in [from, to) (staff; "
            + "default: the last 30 days)")
    @APIResponse(responseCode = "200", description = "the summary")
    @APIResponse(responseCode = "403", description = "not staff")
    public OrderSummary summary(@QueryParam("from") @Parameter(description = INSTANT) String from,
            @QueryParam("to") @Parameter(description = INSTANT) String to) {
        return orders.summary(OrderQuery.instant("from", from), OrderQuery.instant("to", to));
    }

    @GET
    @Path("/mine")
    @RolesAllowed({ Roles.CUSTOMER, Roles.STAFF })
    @Operation(summary = "The caller's own orders, newest first")
    @APIResponse(responseCode = "200", description = "one page")
    public OrderPage mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        return orders.mine(Caller.of(token), OrderQuery.page(page), OrderQuery.size(size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.STAFF })
    @Operation(summary = "One order (staff, or the customer who placed it)")
    @APIResponse(responseCode = "200", description = "the order")
    @APIResponse(responseCode = "404", description = "no such order, or another customer's")
    public OrderView get(@PathParam("id") String id) {
        return orders.get(id, Caller.of(token));
    }

    @POST
    @Path("/{id}/fulfil")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "PLACED → FULFILLED (staff)")
    @APIResponse(responseCode = "200", description = "the order, fulfilled")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "no such order")
    @APIResponse(responseCode = "409", description = "the order is not PLACED")
    public OrderView fulfil(@PathParam("id") String id) {
        return orders.transition(id, OrderStatus.FULFILLED, Caller.of(token));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "PLACED → CANCELLED (staff)")
    @APIResponse(responseCode = "200", description = "the order, cancelled")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "404", description = "no such order")
    @APIResponse(responseCode = "409", description = "the order is not PLACED")
    public OrderView cancel(@PathParam("id") String id) {
        return orders.transition(id, OrderStatus.CANCELLED, Caller.of(token));
    }
}
