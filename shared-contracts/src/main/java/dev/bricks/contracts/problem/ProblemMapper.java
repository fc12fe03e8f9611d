package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The one place where every brick turns an exception into an {@code application/problem+json}
 * answer. The JAX-RS providers in this package only pick the exception types; the decisions
 * (status, detail, which fields) are made here.
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
        if (error instanceof ConstraintViolationException violations) {
            return respond(fromViolations(violations)).build();
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
            return fromWebApplication(web);
        }
        LOG.error("unexpected error", error);
        return respond(Problem.of(500, "Internal Server Error",
                "an unexpected error occurred; it has been logged")).build();
    }

    public static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    static Problem fromViolations(ConstraintViolationException violations) {
        List<Problem.FieldError> errors = violations.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return Problem.of(400, "Bad Request", detail).withErrors(errors);
    }

    /** The path of a violation without the method and argument names: "createCart.body.email" → "email". */
    static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }

    static Problem fromJson(JsonProcessingException json) {
        String field = null;
        boolean malformed = json instanceof JsonParseException || json.getCause() instanceof JsonParseException;
        if (!malformed && json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
        }
        if (field == null) {
            String reason = json.getCause() instanceof JsonParseException parse ? parse.getOriginalMessage()
                    : json.getOriginalMessage();
            return Problem.of(400, "Bad Request", "the request body is not valid JSON: " + reason);
        }
        return Problem.of(400, "Bad Request", field + ": has the wrong type or format")
                .withErrors(List.of(new Problem.FieldError(field, "has the wrong type or format")));
    }

    static Response fromWebApplication(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        String detail = web.getMessage() == null || web.getMessage().startsWith("HTTP ")
                ? type.getReasonPhrase() : web.getMessage();
        Response.ResponseBuilder builder = respond(Problem.of(status, type.getReasonPhrase(), detail));
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
