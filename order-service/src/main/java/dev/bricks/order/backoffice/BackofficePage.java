package dev.bricks.order.backoffice;

import static dev.bricks.order.backoffice.Pages.html;
import static dev.bricks.order.backoffice.Pages.seeOther;

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
import dev.bricks.order.summary.GlanceService;
import dev.bricks.order.summary.SummaryRange;
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
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The back-office web page: server-rendered with Qute. It opens on the summary of the day; the order
 * list, an order, the settings. Sign-in exchanges e-mail and password for a token at customer-service
 * and keeps it in the {@link StaffSession} cookie; the time zone is the {@link ZonePreference}.
 */
@Path("/backoffice")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "backoffice", description = "The staff web page (HTML)")
public class BackofficePage {

    private static final Logger LOG = Logger.getLogger(BackofficePage.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String email, String error);

        static native TemplateInstance glance(Desk desk, GlanceView glance, String error);

        static native TemplateInstance orders(Desk desk, ListForm form, OrderPage result, Pager pager, String error);

        static native TemplateInstance order(Desk desk, OrderView order, String error);

        static native TemplateInstance settings(Desk desk, List<String> zones, String error);
    }

    private final OrderService orders;
    private final GlanceService glances;
    private final StaffSession session;
    private final ZonePreference zones;
    private final CustomerTokenClient customers;

    public BackofficePage(OrderService orders, GlanceService glances, StaffSession session, ZonePreference zones,
            @RestClient CustomerTokenClient customers) {
        this.orders = orders;
        this.glances = glances;
        this.session = session;
        this.zones = zones;
        this.customers = customers;
    }

    @GET
    @Operation(summary = "The summary: orders and revenue per day, counts by status, the newest orders, the dead "
            + "letters (or the sign-in form without a staff session)")
    public Response glance(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @QueryParam("range") String range,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        Desk desk = desk(staff.get(), zone, null, "summary");
        try {
            SummaryRange days = SummaryRange.of(range, from, to, desk.times().zone(), Instant.now());
            return html(200, Templates.glance(desk, GlanceView.of(glances.glance(days), desk.times()), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.glance(desk, null, e.getMessage()));
        }
    }

    @GET
    @Path("/orders")
    @Operation(summary = "The order list, filtered; q searches an order id, customer id or e-mail")
    public Response list(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @BeanParam OrderFilterParams filters,
            @QueryParam("q") String q, @QueryParam("page") String page) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        ListForm form = ListForm.of(filters, q);
        Desk desk = desk(staff.get(), zone, form.q(), "orders");
        try {
            Optional<UUID> id = form.searchedId();
            if (id.isPresent() && orders.exists(id.get())) {
                return seeOther("/backoffice/orders/" + id.get());
            }
            OrderPage result = orders.list(form.filter(), OrderQuery.page(page), OrderQuery.size(null));
            return html(200, Templates.orders(desk, form, result, Pager.of(result, form), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.orders(desk, form, null, null, e.getMessage()));
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
    @Operation(summary = "Signs a staff member in (form: email, password; tz: the browser's time zone)")
    public Response signIn(@CookieParam(ZonePreference.COOKIE) String zone, String body) {
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
        List<NewCookie> cookies = new ArrayList<>();
        cookies.add(session.open(token.accessToken(), token.expiresIn()));
        if (ZonePreference.fromCookie(zone).isEmpty()) {
            ZonePreference.parse(form.tz()).ifPresent(browser -> cookies.add(zones.remember(browser)));
        }
        return Response.seeOther(URI.create("/backoffice")).cookie(cookies.toArray(NewCookie[]::new)).build();
    }

    @POST
    @Path("/signout")
    @Operation(summary = "Signs out")
    public Response signOut() {
        return Response.seeOther(URI.create("/backoffice")).cookie(session.close()).build();
    }

    @GET
    @Path("/settings")
    @Operation(summary = "The staff member's settings: the time zone of the page's times")
    public Response settings(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        return html(200, Templates.settings(desk(staff.get(), zone, null, "settings"), ZonePreference.choices(),
                null));
    }

    @POST
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Keeps the time zone (form: zone, a region id such as Europe/Berlin, or UTC)")
    public Response saveSettings(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, String body) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return seeOther("/backoffice");
        }
        Desk desk = desk(staff.get(), zone, null, "settings");
        Map<String, String> fields;
        try {
            fields = FormFields.parse(body);
        } catch (IllegalArgumentException e) {
            return html(400, Templates.settings(desk, ZonePreference.choices(), "zone: the form could not be read"));
        }
        Optional<ZoneId> chosen = ZonePreference.parse(fields.get("zone"));
        if (chosen.isEmpty()) {
            return html(400, Templates.settings(desk, ZonePreference.choices(),
                    "zone: must be a time zone of the list, such as Europe/Berlin or UTC"));
        }
        return Response.seeOther(URI.create("/backoffice")).cookie(zones.remember(chosen.get())).build();
    }

    @GET
    @Path("/orders/{id}")
    @Operation(summary = "One order, with fulfil and cancel buttons")
    public Response order(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @PathParam("id") String id) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, Templates.signIn("", null));
        }
        Desk desk = desk(staff.get(), zone, null, "orders");
        try {
            return html(200, Templates.order(desk, orders.get(id, staff.get()), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.order(desk, null, e.getMessage()));
        }
    }

    @POST
    @Path("/orders/{id}/fulfil")
    @Operation(summary = "Fulfils the order")
    public Response fulfil(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @PathParam("id") String id) {
        return transition(cookie, zone, id, OrderStatus.FULFILLED);
    }

    @POST
    @Path("/orders/{id}/cancel")
    @Operation(summary = "Cancels the order")
    public Response cancel(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @PathParam("id") String id) {
        return transition(cookie, zone, id, OrderStatus.CANCELLED);
    }

    private Response transition(String cookie, String zone, String id, OrderStatus target) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return seeOther("/backoffice");
        }
        try {
            orders.transition(id, target, staff.get());
            return seeOther("/backoffice/orders/" + id);
        } catch (ProblemException e) {
            OrderView order = e.status() == 404 ? null : orders.get(id, staff.get());
            return html(e.status(), Templates.order(desk(staff.get(), zone, null, "orders"), order, e.getMessage()));
        }
    }

    private Desk desk(Caller staff, String zone, String q, String section) {
        return new Desk(staff, new LocalTimes(zones.zone(zone)), q, section);
    }
}
