package dev.bricks.contracts.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HttpMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Bean Validation failures: a 400 naming every invalid field as the client knows it (a body
 * property path, a request parameter by its HTTP name, or "body"), never a Java name.
 */
final class ViolationProblems {

    private static final Set<String> PARAMETER_ANNOTATIONS = Set.of("QueryParam", "PathParam", "HeaderParam",
            "FormParam", "CookieParam", "MatrixParam", "RestQuery", "RestPath", "RestHeader", "RestForm",
            "RestCookie", "RestMatrix");
    private static final Set<String> NOT_THE_BODY = Set.of("Context", "Suspended", "BeanParam");

    private ViolationProblems() {
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

    /** A resource method returning an invalid value is the server's fault, not the client's. */
    static boolean isReturnValueViolation(ConstraintViolationException violations) {
        return violations.getConstraintViolations().stream().anyMatch(v -> {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    return true;
                }
            }
            return false;
        });
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
            httpMethod |= Arrays.stream(method.getAnnotations())
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
}
