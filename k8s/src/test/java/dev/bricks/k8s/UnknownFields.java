package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds fields the Kubernetes model does not know. fabric8 does not reject them: it keeps them in
 * each model object's {@code additionalProperties}, so a misspelled {@code readinesProbe} would be
 * silently dropped by the API server. This walks the whole object graph and reports every one.
 */
final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    static List<String> in(HasMetadata object) {
        return in(object, Manifests.id(object));
    }

    /** The same for a model object embedded somewhere else, for example in a custom resource. */
    static List<String> in(Object value, String path) {
        List<String> found = new ArrayList<>();
        walk(value, path, found, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", found, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, found, seen));
            return;
        }
        if (!value.getClass().getName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (field.getName().equals("additionalProperties")) {
                    // A custom resource keeps its whole body there; its schema is checked elsewhere.
                    if (!(value instanceof GenericKubernetesResource) && fieldValue instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(key -> found.add(path + "." + key
                                + " is not a field of " + value.getClass().getSimpleName()));
                    }
                    continue;
                }
                walk(fieldValue, path + "." + field.getName(), found, seen);
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
