package dev.bricks.order.backoffice;

import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.customer.TokenResponse;
import dev.bricks.contracts.order.OrderPage;
import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.order.OrderView;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.order.Caller;
import dev.bricks.order.order.OrderFilterParams;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.order.OrderService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The back-office web page: server-rendered with Qute, no script. Sign-in exchanges e-mail and
 * password for a token at customer-service and keeps it in the {@link StaffSession} cookie.
 */
@Path("/backoffice")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "backoffice", description = "The staff web page (HTML)")
public class BackofficePage {

    private static final Logger LOG = Logger.getLogger(BackofficePage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String error);

        static native TemplateInstance orders(Caller staff, ListForm form, OrderPage result, Pager pager, String error);

        static native TemplateInstance order(Caller staff, OrderView order, String error);
    }

    private final OrderService orders;
    private final StaffSession session;
    private final CustomerTokenClient customers;

    public BackofficePage(OrderService orders, StaffSession session, @RestClient CustomerTokenClient customers) {
        this.orders = orders;
        this.session = session;
        this.customers = customers;
    }

    @GET
    @Operation(summary = "The order list (or the sign-in form without a staff session)")
    public Response list(@CookieParam(StaffSession.COOKIE) String cookie, @BeanParam OrderFilterParams filters,
            @QueryParam("page") String page) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        ListForm form = ListForm.of(filters);
        try {
            OrderPage result = orders.list(filters.filter(), OrderQuery.page(page), OrderQuery.size(null));
            return html(200, Templates.orders(staff.get(), form, result, Pager.of(result, form), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.orders(staff.get(), form, null, null, e.getMessage()));
        }
    }

    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @Operation(summary = "The filtered list as CSV")
    public Response export(@CookieParam(StaffSession.COOKIE) String cookie, @BeanParam OrderFilterParams filters) {
        if (session.staff(cookie).isEmpty()) {
            return seeOther("/backoffice");
        }
        return Response.ok(orders.exportCsv(filters.filter()), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"orders.csv\"").build();
    }

    @POST
    @Path("/signin")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Signs a staff member in (form: email, password)")
    public Response signIn(String body) {
        SignInForm form;
        try {
            form = SignInForm.parse(body);
        } catch (IllegalArgumentException e) {
            return html(400, Templates.signIn("", "The form could not be read; enter your e-mail and password."));
        }
        String email = form.email();
        String password = form.password();
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            return html(400, Templates.signIn(email == null ? "" : email, "Enter your e-mail and password."));
        }
        TokenResponse token;
        try {
            token = customers.token(new TokenRequest(email.trim(), password));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 400 || status == 404) {
                return html(401, Templates.signIn(email, "Wrong e-mail or password."));
            }
            LOG.warnf("sign-in: customer-service answered %d", status);
            return html(503, Templates.signIn(email, "Sign-in is not available right now; try again shortly."));
        } catch (RuntimeException e) {
            LOG.warnf("sign-in: customer-service not reachable: %s", e.getMessage());
            return html(503, Templates.signIn(email, "Sign-in is not available right now; try again shortly."));
        }
        if (token == null || session.staff(token.accessToken()).isEmpty()) {
            return html(403, Templates.signIn(email, "This account is not a staff account."));
        }
        return Response.seeOther(URI.create("/backoffice")).cookie(session.open(token.accessToken(), token.expiresIn()))
                .build();
    }

    @POST
    @Path("/signout")
    @Operation(summary = "Signs out")
    public Response signOut() {
        return Response.seeOther(URI.create("/backoffice")).cookie(session.close()).build();
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "One order, with fulfil and cancel buttons")
    public Response order(@CookieParam(StaffSession.COOKIE) String cookie, @PathParam("id") String id) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        try {
            return html(200, Templates.order(staff.get(), orders.get(id, staff.get()), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.order(staff.get(), null, e.getMessage()));
        }
    }

    @POST
    @Path("/orders/{id}/fulfil")
    @Operation(summary = "Fulfils the order")
    public Response fulfil(@CookieParam(StaffSession.COOKIE) String cookie, @PathParam("id") String id) {
        return transition(cookie, id, OrderStatus.FULFILLED);
    }

    @POST
    @Path("/orders/{id}/cancel")
    @Operation(summary = "Cancels the order")
    public Response cancel(@CookieParam(StaffSession.COOKIE) String cookie, @PathParam("id") String id) {
        return transition(cookie, id, OrderStatus.CANCELLED);
    }

    private Response transition(String cookie, String id, OrderStatus target) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return seeOther("/backoffice");
        }
        try {
            orders.transition(id, target, staff.get());
            return seeOther("/backoffice/orders/" + id);
        } catch (ProblemException e) {
            OrderView order = e.status() == 404 ? null : orders.get(id, staff.get());
            return html(e.status(), Templates.order(staff.get(), order, e.getMessage()));
        }
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
