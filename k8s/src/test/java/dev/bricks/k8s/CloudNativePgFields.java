package dev.bricks.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Checks CloudNativePG's custom resources (and its Barman Cloud plugin's) field by field, at every
 * depth, against the versioned field list {@value #FIELD_LIST}, transcribed from the operator's CRDs:
 * no Java model of them is published where this build can reach it. Kubernetes types embedded in
 * them (resources, affinity terms, PVC templates …) are checked with the fabric8 model.
 */
final class CloudNativePgFields {

    static final String FIELD_LIST = "/cloudnative-pg-1.28-fields.yaml";
    static final String VERSION = "CloudNativePG 1.28";

    private static final Set<String> GROUPS = Set.of("postgresql.cnpg.io", "barmancloud.cnpg.io");
    private static final Map<String, Object> KINDS = load();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private CloudNativePgFields() {
    }

    private static Map<String, Object> load() {
        try (InputStream in = CloudNativePgFields.class.getResourceAsStream(FIELD_LIST)) {
            Objects.requireNonNull(in, FIELD_LIST + " is not on the class path");
            return new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean covers(GenericKubernetesResource resource) {
        String apiVersion = Objects.toString(resource.getApiVersion(), "");
        return GROUPS.contains(apiVersion.replaceFirst("/.*", ""));
    }

    static List<String> check(GenericKubernetesResource resource) {
        String type = resource.getApiVersion() + " " + resource.getKind();
        Object schema = KINDS.get(type);
        if (schema == null) {
            return List.of(Manifests.id(resource) + ": " + type + " is not in the field list " + FIELD_LIST
                    + " (kinds: " + String.join(", ", KINDS.keySet()) + ")");
        }
        List<String> problems = new ArrayList<>();
        new Walk(type, problems).object(resource.getAdditionalProperties(), schema, Manifests.id(resource));
        return problems;
    }

    private record Walk(String type, List<String> problems) {

        void object(Object value, Object schema, String path) {
            if (schema instanceof Map<?, ?> fields) {
                if (!(value instanceof Map<?, ?> map)) {
                    problems.add(path + " is not an object in " + type);
                    return;
                }
                map.forEach((key, child) -> {
                    String where = path + "." + key;
                    if (!fields.containsKey(key)) {
                        problems.add(where + " is not a field of " + type + " (" + VERSION + ")");
                    } else {
                        object(child, fields.get(key), where);
                    }
                });
            } else if (schema instanceof List<?> shape) {
                if (!(value instanceof List<?> list)) {
                    problems.add(path + " is not a list in " + type);
                    return;
                }
                for (int i = 0; i < list.size(); i++) {
                    object(list.get(i), shape.get(0), path + "[" + i + "]");
                }
            } else {
                leaf(value, String.valueOf(schema), path);
            }
        }

        private void leaf(Object value, String kind, String path) {
            switch (kind) {
                case "value" -> scalar(value, path);
                case "map" -> {
                    if (value instanceof Map<?, ?> map) {
                        map.forEach((key, child) -> scalar(child, path + "." + key));
                    } else {
                        problems.add(path + " is not an object in " + type);
                    }
                }
                case "list" -> {
                    if (value instanceof List<?> list) {
                        list.forEach(child -> scalar(child, path + "[]"));
                    } else {
                        problems.add(path + " is not a list in " + type);
                    }
                }
                case "undescribed" -> problems.add(path + " is in the " + VERSION + " CRD but its fields are not in "
                        + FIELD_LIST + ": transcribe them from the CRD before using it");
                default -> kubernetes(value, kind, path);
            }
        }

        private void scalar(Object value, String path) {
            if (value instanceof Map || value instanceof List) {
                problems.add(path + " is a scalar in " + type + ", not an object or a list");
            }
        }

        /** {@code k8s Type} or {@code k8s list Type}: a type of the Kubernetes core API. */
        private void kubernetes(Object value, String kind, String path) {
            boolean list = kind.startsWith("k8s list ");
            String name = kind.substring(list ? "k8s list ".length() : "k8s ".length());
            Class<?> model;
            try {
                model = Class.forName("io.fabric8.kubernetes.api.model." + name);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(FIELD_LIST + ": no Kubernetes type " + name, e);
            }
            List<?> values = list && value instanceof List<?> l ? l : List.of(value);
            if (list && !(value instanceof List)) {
                problems.add(path + " is not a list in " + type);
                return;
            }
            for (int i = 0; i < values.size(); i++) {
                String where = list ? path + "[" + i + "]" : path;
                try {
                    problems.addAll(UnknownFields.in(SERIALIZATION.convertValue(values.get(i), model), where));
                } catch (RuntimeException e) {
                    problems.add(where + " is not a " + name + ": " + e.getMessage());
                }
            }
        }
    }
}
