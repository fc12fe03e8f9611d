package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A request body Jackson could not read: a 400 naming the JSON field when there is one (a wrong
 * type, a number out of range), else saying what is wrong with the body and where it broke.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    static Problem fromJson(JsonProcessingException json) {
        if (json instanceof JsonMappingException mapping && json.getCause() instanceof StreamReadException cause) {
            if (cause instanceof InputCoercionException && !mapping.getPath().isEmpty()) {
                return badField(jsonPath(mapping), "is a number out of range");
            }
            return fromJson(cause);
        }
        if (json instanceof InputCoercionException coercion) {
            String field = parsingPath(coercion);
            return field == null ? Problem.of(400, "Bad Request", "the request body holds a number out of range")
                    : badField(field, "is a number out of range");
        }
        if (json instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badField(jsonPath(mapping), "has the wrong type or format");
        }
        if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            boolean array = target.isArray() || Collection.class.isAssignableFrom(target);
            return Problem.of(400, "Bad Request", "the request body must be a JSON " + (array ? "array" : "object"));
        }
        if (json instanceof StreamConstraintsException) {
            return Problem.of(400, "Bad Request", "the request body exceeds a JSON limit: "
                    + json.getOriginalMessage());
        }
        JsonLocation location = json.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problem.of(400, "Bad Request", "the request body is not valid JSON: " + json.getOriginalMessage()
                + where);
    }

    private static String jsonPath(JsonMappingException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static Problem badField(String field, String message) {
        return Problem.of(400, "Bad Request", field + ": " + message)
                .withErrors(List.of(new Problem.FieldError(field, message)));
    }

    /** The JSON path the parser stood on when it failed ("lines[0].quantity"), or null. */
    private static String parsingPath(StreamReadException error) {
        JsonParser parser = error.getProcessor();
        if (parser == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot();
                context = context.getParent()) {
            if (context.inArray()) {
                parts.add(0, "[" + Math.max(context.getCurrentIndex(), 0) + "]");
            } else if (context.getCurrentName() != null) {
                parts.add(0, "." + context.getCurrentName());
            }
        }
        String path = String.join("", parts);
        path = path.startsWith(".") ? path.substring(1) : path;
        return path.isEmpty() ? null : path;
    }
}
