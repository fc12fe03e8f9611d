package dev.bricks.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a rendered multi-document manifest, as fabric8 model objects. Kinds fabric8 does
 * not know (the operators' custom resources) come back as {@link GenericKubernetesResource}.
 * Documents that do not even deserialize are kept as {@link #problems()}.
 */
final class Manifests {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<HasMetadata> objects;
    private final List<String> problems;

    private Manifests(List<HasMetadata> objects, List<String> problems) {
        this.objects = List.copyOf(objects);
        this.problems = List.copyOf(problems);
    }

    static Manifests parse(String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
            int index = 0;
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                index++;
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue;
                }
                String label = "document " + index + " (" + document.path("kind").asText("?") + "/"
                        + document.path("metadata").path("name").asText("?") + ")";
                try {
                    KubernetesResource resource = SERIALIZATION.convertValue(document, KubernetesResource.class);
                    if (resource instanceof HasMetadata object) {
                        objects.add(object);
                    } else {
                        problems.add(label + " is not a Kubernetes object");
                    }
                } catch (RuntimeException e) {
                    problems.add(label + " does not fit the Kubernetes model: " + rootCause(e).getMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("not YAML: " + e.getMessage(), e);
        }
        return new Manifests(objects, problems);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    List<HasMetadata> all() {
        return objects;
    }

    List<String> problems() {
        return problems;
    }

    <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return ofType(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Custom resources of one kind, for example {@code "KafkaTopic"}. */
    List<GenericKubernetesResource> custom(String kind) {
        return ofType(GenericKubernetesResource.class).stream().filter(o -> kind.equals(o.getKind())).toList();
    }

    static String id(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
