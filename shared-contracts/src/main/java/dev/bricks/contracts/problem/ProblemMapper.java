package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

/**
 * The one place where every brick turns an exception into an {@code application/problem+json}
 * answer: it only picks the translator for the kind of failure ({@link ViolationProblems},
 * {@link JsonProblems}, {@link FrameworkProblems}); {@link ProblemExceptionMappers} registers it
 * with the framework.
 */
public final class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    public static Response toResponse(Throwable error) {
        if (error instanceof ProblemException problem) {
            Response.ResponseBuilder builder = respond(problem.toProblem());
            problem.headers().forEach(builder::header);
            return builder.build();
        }
        if (error instanceof ConstraintViolationException violations
                && !ViolationProblems.isReturnValueViolation(violations)) {
            return respond(ViolationProblems.fromViolations(violations)).build();
        }
        if (error instanceof JsonProcessingException json) {
            return respond(fromJson(json)).build();
        }
        if (error instanceof UnauthorizedException || error instanceof AuthenticationFailedException) {
            return respond(Problem.of(401, "Unauthorized", "a valid bearer token is required"))
                    .header("WWW-Authenticate", "Bearer").build();
        }
        if (error instanceof ForbiddenException) {
            return respond(Problem.of(403, "Forbidden", "this token's roles do not allow this request")).build();
        }
        if (error instanceof WebApplicationException web) {
            return FrameworkProblems.fromWebApplication(web);
        }
        LOG.error("unexpected error", error);
        return respond(Problem.of(500, "Internal Server Error",
                "an unexpected error occurred; it has been logged")).build();
    }

    /** The answer for a problem, naming the current request's trace (when there is one) in {@code traceId}. */
    public static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(traced(problem));
    }

    static Problem traced(Problem problem) {
        return problem.traceId() == null ? problem.withTraceId(TraceIds.current()) : problem;
    }

    static Problem fromJson(JsonProcessingException json) {
        return JsonProblems.fromJson(json);
    }
}
