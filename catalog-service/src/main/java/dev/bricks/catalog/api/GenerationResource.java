package dev.bricks.catalog.api;

import dev.bricks.catalog.generation.GenerationRegistry;
import dev.bricks.catalog.upload.GenerationUploads;
import dev.bricks.contracts.Roles;
import dev.bricks.contracts.catalog.GenerationAccepted;
import dev.bricks.contracts.catalog.GenerationView;
import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Catalogue generations: this replica's view of them, and uploads of new ones (staff). */
@Path("/api/catalog/generations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "catalog generations",
        description = "Whole-catalogue uploads activated by every replica at the same instant")
public class GenerationResource {

    private final GenerationRegistry registry;
    private final GenerationUploads uploads;
    private final SecurityIdentity identity;

    public GenerationResource(GenerationRegistry registry, GenerationUploads uploads, SecurityIdentity identity) {
        this.registry = registry;
        this.uploads = uploads;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "This replica's generations, newest first")
    public List<GenerationView> all() {
        return registry.views();
    }

    @GET
    @Path("/active")
    @Operation(summary = "The generation this replica serves")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = GenerationView.class)))
    public GenerationView active() {
        long active = registry.active().map(GenerationRegistry.Active::number)
                .orElseThrow(() -> ProblemException.unavailable("no catalogue generation is active yet", 1));
        return registry.view(active).orElseThrow();
    }

    @GET
    @Path("/{number}")
    @Operation(summary = "One generation as this replica sees it")
    public GenerationView one(@PathParam("number") String number) {
        // a String, so that "abc" or a number beyond a long is this same named 404 rather than the framework's
        ProblemException unknown = ProblemException.notFound("this replica knows no generation " + number);
        long parsed;
        try {
            parsed = Long.parseLong(number);
        } catch (NumberFormatException e) {
            throw unknown;
        }
        return registry.view(parsed).orElseThrow(() -> unknown);
    }

    @POST
    @RolesAllowed(Roles.STAFF)
    @Consumes({ "application/x-ndjson", MediaType.TEXT_PLAIN })
    @Operation(summary = "Upload a whole new catalogue", description = "NDJSON, one product a line (sku, name,"
            + " description, category, price {amount, currency}, optional attributes), at most 100,000."
            + " Validated whole, streamed to Kafka as it is read, activated only when every line is valid;"
            + " errors name the line.")
    @APIResponse(responseCode = "202", content = @Content(schema = @Schema(implementation = GenerationAccepted.class)))
    @APIResponse(responseCode = "400", description = "invalid upload; the problem names the line(s)")
    @APIResponse(responseCode = "401", description = "no valid token")
    @APIResponse(responseCode = "403", description = "not staff")
    @APIResponse(responseCode = "503", description = "Kafka unavailable; nothing was published")
    public Response upload(
            @QueryParam("activateAt")
            @Parameter(description = "ISO-8601 instant; absent: as soon as staged") String activateAt,
            InputStream body) {
        GenerationAccepted accepted = uploads.upload(body, activateAt, identity.getPrincipal().getName());
        return Response.accepted(accepted)
                .location(URI.create("/api/catalog/generations/" + accepted.generation())).build();
    }
}
