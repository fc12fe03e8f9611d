package dev.bricks.k8s;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import java.beans.Introspector;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Checks Strimzi's custom resources against Strimzi's own typed model ({@code io.strimzi:api}) as the
 * {@code kafka.strimzi.io/v1} API defines it: the only API version Strimzi 1.0 and newer serve, every
 * field known to the model (strict deserialization), and no field that only older API versions had.
 */
final class StrimziModel {

    static final String GROUP = "kafka.strimzi.io";
    static final String API_VERSION = GROUP + "/v1";

    private static final Map<String, Class<?>> KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class);

    /**
     * Strimzi's and fabric8's model classes keep unknown fields in a {@code @JsonAnySetter} map, which
     * makes FAIL_ON_UNKNOWN_PROPERTIES a no-op; this mapper drops those any-setters, so a field the
     * model does not know fails the deserialization.
     */
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .addModule(new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                        BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    return builder;
                }
            }))
            .build();

    /** A fresh instance of each model class: a property still at its default was not set. */
    private static final Map<Class<?>, Optional<Object>> DEFAULTS = new ConcurrentHashMap<>();

    private StrimziModel() {
    }

    static boolean covers(GenericKubernetesResource resource) {
        String apiVersion = Objects.toString(resource.getApiVersion(), "");
        return apiVersion.startsWith(GROUP + "/");
    }

    static List<String> check(GenericKubernetesResource resource) {
        String id = Manifests.id(resource);
        Class<?> type = KINDS.get(resource.getKind());
        if (type == null) {
            return List.of(id + ": " + resource.getApiVersion() + " " + resource.getKind()
                    + " is not a Strimzi kind these manifests use (" + String.join(", ", KINDS.keySet()) + ")");
        }
        if (!API_VERSION.equals(resource.getApiVersion())) {
            return List.of(id + ": " + resource.getApiVersion() + " is not served by Strimzi 1.0 and newer, use "
                    + API_VERSION);
        }
        Object model;
        try {
            JsonNode tree = STRICT.valueToTree(resource);
            model = STRICT.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            return List.of(id + ": " + describe(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return List.of(id + ": does not fit Strimzi's model: " + e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        walk(model, id, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    private static String describe(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return path.substring(1) + " is not a field of " + API_VERSION + " (Strimzi's model)";
        }
        String message = e.getOriginalMessage().lines().findFirst().orElse("");
        return (path.isEmpty() ? "" : path.substring(1) + ": ") + "does not fit Strimzi's model: " + message;
    }

    /** Reports every property set in the resource that the v1 API no longer has. */
    private static void walk(Object value, String path, List<String> problems, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            int i = 0;
            for (Object element : collection) {
                walk(element, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(element, path + "." + key, problems, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.strimzi.api.")) {
            return;
        }
        Object defaults = defaultsOf(value.getClass());
        for (Method getter : value.getClass().getMethods()) {
            if (!isProperty(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (property == null || (defaults != null && Objects.equals(property, invoke(getter, defaults)))) {
                continue;
            }
            String where = path + "." + propertyName(getter);
            PresentInVersions present = getter.getAnnotation(PresentInVersions.class);
            if (present != null && !inV1(present.value())) {
                problems.add(where + " is not in " + API_VERSION + " (only in " + present.value() + ")");
            } else {
                walk(property, where, problems, seen);
            }
        }
    }

    /** Whether a version list such as {@code v1beta2}, {@code v1+} or {@code v1alpha1-v1} includes v1. */
    static boolean inV1(String versions) {
        for (String range : versions.split(",")) {
            String r = range.strip();
            if (r.equals("v1") || r.endsWith("+") || r.endsWith("-v1")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProperty(Method method) {
        String name = method.getName();
        return method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                && !method.isBridge() && method.getDeclaringClass() != Object.class
                && (name.startsWith("get") && name.length() > 3 || name.startsWith("is") && name.length() > 2)
                && !name.equals("getAdditionalProperties");
    }

    private static String propertyName(Method getter) {
        JsonProperty json = getter.getAnnotation(JsonProperty.class);
        if (json != null && !json.value().isEmpty()) {
            return json.value();
        }
        String name = getter.getName();
        return Introspector.decapitalize(name.substring(name.startsWith("is") ? 2 : 3));
    }

    private static Object defaultsOf(Class<?> type) {
        return DEFAULTS.computeIfAbsent(type, t -> {
            try {
                return Optional.of(t.getConstructor().newInstance());
            } catch (ReflectiveOperationException | RuntimeException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    private static Object invoke(Method getter, Object owner) {
        try {
            return getter.invoke(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
