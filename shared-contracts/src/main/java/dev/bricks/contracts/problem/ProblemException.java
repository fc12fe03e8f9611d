package dev.bricks.contracts.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by a brick's service layer to answer with a problem+json; the shared mapper turns it
 * into the response. Headers (e.g. {@code Retry-After}) travel with it.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, null, Map.of());
    }

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors;
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "Bad Request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)), Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail);
    }

    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(503, "Service Unavailable", detail, null,
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public int status() {
        return status;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), null, errors, null);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
