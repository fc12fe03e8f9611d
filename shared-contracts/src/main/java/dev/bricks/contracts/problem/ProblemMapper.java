package dev.bricks.contracts.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        if (error instanceof ConstraintViolationException violations && !isReturnValueViolation(violations)) {
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
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; "));
        return Problem.of(400, "Bad Request", detail).withErrors(errors);
    }

    /**
     * Where a violation is, as the client knows it: a body property path ("email",
     * "addresses[0].country"), a request parameter by its HTTP name ("sku", "size"), or "body"
     * for the request body as a whole. Java method and argument names never show.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        if (nodes.size() < 2 || nodes.get(0).getKind() != ElementKind.METHOD
                || nodes.get(1).getKind() != ElementKind.PARAMETER) {
            return propertyPath(nodes, 0, "");
        }
        if (nodes.size() > 2) {
            return propertyPath(nodes, 2, "");
        }
        String parameter = nodes.get(1).getName();
        try {
            Path.MethodNode method = nodes.get(0).as(Path.MethodNode.class);
            int index = nodes.get(1).as(Path.ParameterNode.class).getParameterIndex();
            String requestName = requestName(violation.getRootBeanClass(), method.getName(),
                    method.getParameterTypes(), index);
            return requestName != null ? requestName : parameter;
        } catch (RuntimeException e) {
            return parameter;
        }
    }

    private static String propertyPath(List<Path.Node> nodes, int from, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (Path.Node node : nodes.subList(from, nodes.size())) {
            if (node.isInIterable()) {
                path.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            String name = node.getName();
            // container elements ("<list element>") are already named by the index above
            if (name != null && !name.startsWith("<") && node.getKind() != ElementKind.METHOD
                    && node.getKind() != ElementKind.PARAMETER) {
                path.append(path.length() == 0 ? "" : ".").append(name);
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static final Set<String> PARAMETER_ANNOTATIONS = Set.of("QueryParam", "PathParam", "HeaderParam",
            "FormParam", "CookieParam", "MatrixParam", "RestQuery", "RestPath", "RestHeader", "RestForm",
            "RestCookie", "RestMatrix");
    private static final Set<String> NOT_THE_BODY = Set.of("Context", "Suspended", "BeanParam");

    /** The HTTP name of a resource method's parameter, "body" for the entity, null when unknown. */
    private static String requestName(Class<?> resource, String methodName, List<Class<?>> types, int index) {
        boolean httpMethod = false;
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            Method method;
            try {
                method = type.getDeclaredMethod(methodName, types.toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                continue;
            }
            httpMethod |= java.util.Arrays.stream(method.getAnnotations())
                    .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
            Parameter parameter = method.getParameters()[index];
            for (Annotation annotation : parameter.getAnnotations()) {
                String kind = annotation.annotationType().getSimpleName();
                if (PARAMETER_ANNOTATIONS.contains(kind)) {
                    String value = annotationValue(annotation);
                    return value == null || value.isEmpty() ? parameter.getName() : value;
                }
                if (NOT_THE_BODY.contains(kind)) {
                    return null;
                }
            }
        }
        return httpMethod ? "body" : null;
    }

    private static String annotationValue(Annotation annotation) {
        try {
            Object value = annotation.annotationType().getMethod("value").invoke(annotation);
            return value instanceof String text ? text : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A resource method returning an invalid value is the server's fault, not the client's. */
    private static boolean isReturnValueViolation(ConstraintViolationException violations) {
        return violations.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
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
            return Problem.of(400, "Bad Request", "the request body exceeds a JSON limit: " + json.getOriginalMessage());
        }
        JsonLocation location = json.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return Problem.of(400, "Bad Request", "the request body is not valid JSON: " + json.getOriginalMessage() + where);
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

    /** Clearer words for the framework's own answers (no route, wrong method, wrong media type). */
    private static final Map<Integer, String> FRAMEWORK_DETAILS = Map.of(
            404, "there is no resource at this path",
            405, "this resource does not support this HTTP method",
            406, "this resource cannot answer in a media type the Accept header allows",
            415, "this resource does not accept a request body of this Content-Type");

    static Response fromWebApplication(WebApplicationException web) {
        Response original = web.getResponse();
        int status = original.getStatus();
        Response.StatusType type = original.getStatusInfo();
        Response.ResponseBuilder builder;
        if (web.getCause() instanceof JsonProcessingException json && status == 400) {
            builder = respond(fromJson(json)); // the JSON body reader wraps its parse errors
        } else {
            builder = respond(Problem.of(status, type.getReasonPhrase(), detail(web, status, type)));
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
