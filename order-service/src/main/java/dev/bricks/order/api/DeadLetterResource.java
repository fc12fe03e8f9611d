package dev.bricks.order.api;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.problem.Problem;
import dev.bricks.order.deadletter.DeadLetterPage;
import dev.bricks.order.deadletter.DeadLetterService;
import dev.bricks.order.deadletter.DeadLetterView;
import dev.bricks.order.deadletter.ReplayBatch;
import dev.bricks.order.deadletter.ReplayResult;
import dev.bricks.order.order.Caller;
import dev.bricks.order.order.OrderQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Records of {@code orders.placed.dlq}, found and replayed by staff. */
@Path("/api/orders/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "dead letters", description = "Records of orders.placed that could not be stored, and their replay")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "no valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "not staff",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeadLetterResource {

    private final DeadLetterService deadLetters;
    private final JsonWebToken token;

    DeadLetterResource(DeadLetterService deadLetters, JsonWebToken token) {
        this.deadLetters = deadLetters;
        this.token = token;
    }

    @GET
    @Operation(summary = "Dead letters, newest first, one page (staff)")
    @APIResponse(responseCode = "200", description = "one page")
    @APIResponse(responseCode = "400", description = "a bad parameter, named in the problem")
    public DeadLetterPage list(
            @QueryParam("status") @Parameter(description = "OPEN (default), REPLAYED or ALL") String status,
            @QueryParam("reason") @Parameter(description = "only those with exactly this reason") String reason,
            @QueryParam("page") @Parameter(description = "zero-based page, default 0") String page,
            @QueryParam("size") @Parameter(description = "1..100, default 20") String size) {
        return deadLetters.list(status, reason, OrderQuery.page(page), OrderQuery.size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter with its raw record and every replay (staff)")
    @APIResponse(responseCode = "200", description = "the dead letter")
    @APIResponse(responseCode = "404", description = "no such dead letter")
    public DeadLetterView get(@PathParam("id") String id) {
        return deadLetters.get(id);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replays one dead letter through the same check and exactly-once insert as the drain "
            + "(staff); a replay that fails again keeps it dead-lettered with the new reason")
    @APIResponse(responseCode = "200", description = "what the replay did: STORED, ALREADY_STORED or FAILED")
    @APIResponse(responseCode = "404", description = "no such dead letter")
    @APIResponse(responseCode = "503", description = "the orders database does not answer; replay again later")
    public ReplayResult replay(@PathParam("id") String id) {
        return deadLetters.replay(id, Caller.of(token));
    }

    @POST
    @Path("/replay")
    @Operation(summary = "Replays every open dead letter with exactly this reason, oldest first, at most "
            + DeadLetterService.MAX_BATCH + " per call (staff)")
    @APIResponse(responseCode = "200", description = "the outcome of each replay and how many remain open")
    @APIResponse(responseCode = "400", description = "no reason given")
    public ReplayBatch replayAll(
            @QueryParam("reason") @Parameter(description = "the dead-letter reason", required = true) String reason) {
        return deadLetters.replayAll(reason, Caller.of(token));
    }
}
