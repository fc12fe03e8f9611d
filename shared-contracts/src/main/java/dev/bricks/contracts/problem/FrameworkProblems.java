package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The framework's own answers ({@link WebApplicationException}: no route, wrong method or media
 * type, a parameter it could not convert) as problems with clearer words, keeping their headers.
 */
final class FrameworkProblems {

    /** Clearer words for the framework's own answers (no route, wrong method, wrong media type). */
    private static final Map<Integer, String> FRAMEWORK_DETAILS = Map.of(
            404, "there is no resource at this path",
            405, "this resource does not support this HTTP method",
            406, "this resource cannot answer in a media type the Accept header allows",
            415, "this resource does not accept a request body of this Content-Type");

    private FrameworkProblems() {
    }

    static Response fromWebApplication(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        Response.ResponseBuilder builder;
        if (web.getCause() instanceof JsonProcessingException json && status == 400) {
            builder = ProblemMapper.respond(JsonProblems.fromJson(json)); // the JSON body reader wraps its parse errors
        } else {
            builder = ProblemMapper.respond(Problem.of(status, type.getReasonPhrase(), detail(web, status, type)));
        }
        original.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String detail(WebApplicationException web, int status, Response.StatusType type) {
        String message = web.getMessage();
        boolean framework = message == null || message.startsWith("HTTP ") || message.equals(type.getReasonPhrase())
                || message.startsWith("Unable to find matching target resource method")
                || message.startsWith("The content-type header value did not match");
        if (!framework) {
            return message;
        }
        if (web.getCause() != null && (status == 400 || status == 404)) {
            // a path or query parameter the framework could not convert to its Java type
            return "a " + (status == 404 ? "path" : "query or header") + " parameter has the wrong format: "
                    + web.getCause().getMessage();
        }
        return FRAMEWORK_DETAILS.getOrDefault(status, type.getReasonPhrase());
    }
}
