package dev.bricks.contracts.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer of every brick.
 *
 * @param type     a URI naming the kind of problem ("about:blank" when the status says it all)
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   human-readable explanation of this occurrence
 * @param instance the request path it happened on, when known
 * @param errors   the offending fields or lines of a bad input, when there are several
 * @param traceId  the W3C trace id of the request that failed (32 hex digits), so that a shopper's
 *                 error report leads straight to its trace; absent outside a request
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null, null);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, traceId);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, traceId);
    }

    public Problem withTraceId(String id) {
        return new Problem(type, title, status, detail, instance, errors, id);
    }

    /** One invalid field (a JSON path or query parameter name) or input line, and why. */
    public record FieldError(String field, String message) {
    }
}
