package dev.bricks.order.backoffice;

import static dev.bricks.order.backoffice.Pages.html;
import static dev.bricks.order.backoffice.Pages.seeOther;

import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.deadletter.DeadLetterPage;
import dev.bricks.order.deadletter.DeadLetterService;
import dev.bricks.order.deadletter.DeadLetterView;
import dev.bricks.order.deadletter.ReplayBatch;
import dev.bricks.order.order.Caller;
import dev.bricks.order.order.OrderQuery;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The back-office's dead-letter pages: the records of {@code orders.placed.dlq}, each with its replay. */
@Path("/backoffice/dead-letters")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "backoffice", description = "The staff web page (HTML)")
public class DeadLetterPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deadLetters(Desk desk, DeadLetterForm form, DeadLetterPage result,
                ReplayBatch batch, String error);

        static native TemplateInstance deadLetter(Desk desk, DeadLetterView letter, String error);
    }

    private final DeadLetterService deadLetters;
    private final StaffSession session;
    private final ZonePreference zones;

    public DeadLetterPages(DeadLetterService deadLetters, StaffSession session, ZonePreference zones) {
        this.deadLetters = deadLetters;
        this.session = session;
        this.zones = zones;
    }

    @GET
    @Operation(summary = "Dead letters, newest first (status OPEN by default, REPLAYED or ALL; reason)")
    public Response list(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @QueryParam("status") String status,
            @QueryParam("reason") String reason, @QueryParam("page") String page) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, BackofficePage.Templates.signIn("", null));
        }
        DeadLetterForm form = new DeadLetterForm(status, reason);
        Desk desk = desk(staff.get(), zone);
        try {
            DeadLetterPage result = deadLetters.list(status, reason, OrderQuery.page(page), OrderQuery.size(null));
            return html(200, Templates.deadLetters(desk, form, result, null, null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.deadLetters(desk, form, null, null, e.getMessage()));
        }
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter: its reason, order, raw record and replays, with the replay buttons")
    public Response deadLetter(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @PathParam("id") String id) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return html(200, BackofficePage.Templates.signIn("", null));
        }
        try {
            return html(200, Templates.deadLetter(desk(staff.get(), zone), deadLetters.get(id), null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.deadLetter(desk(staff.get(), zone), null, e.getMessage()));
        }
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replays the dead letter; then shows it with the outcome")
    public Response replay(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, @PathParam("id") String id) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return seeOther("/backoffice");
        }
        try {
            deadLetters.replay(id, staff.get());
            return seeOther("/backoffice/dead-letters/" + id);
        } catch (ProblemException e) {
            DeadLetterView letter = e.status() == 404 ? null : deadLetters.get(id);
            return html(e.status(), Templates.deadLetter(desk(staff.get(), zone), letter, e.getMessage()));
        }
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Replays every open dead letter with the reason given (form: reason)")
    public Response replayAll(@CookieParam(StaffSession.COOKIE) String cookie,
            @CookieParam(ZonePreference.COOKIE) String zone, String body) {
        Optional<Caller> staff = session.staff(cookie);
        if (staff.isEmpty()) {
            return seeOther("/backoffice");
        }
        Desk desk = desk(staff.get(), zone);
        DeadLetterForm form = new DeadLetterForm(null, null);
        try {
            Map<String, String> fields;
            try {
                fields = FormFields.parse(body);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("reason", "the form could not be read");
            }
            ReplayBatch batch = deadLetters.replayAll(fields.get("reason"), staff.get());
            DeadLetterPage result = deadLetters.list(null, null, 0, OrderQuery.size(null));
            return html(200, Templates.deadLetters(desk, form, result, batch, null));
        } catch (ProblemException e) {
            return html(e.status(), Templates.deadLetters(desk, form, null, null, e.getMessage()));
        }
    }

    private Desk desk(Caller staff, String zone) {
        return new Desk(staff, new LocalTimes(zones.zone(zone)), null, "dead-letters");
    }
}
