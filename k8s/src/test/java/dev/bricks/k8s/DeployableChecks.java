package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What an overlay that is applied to a cluster must say and the environment-neutral base leaves
 * open: which image every container runs (a brick: the commit it was built from; anything else: a
 * full version or a digest, never {@code latest}), and the Pod Security level of its namespace.
 */
final class DeployableChecks {

    /** A short or full git commit id: the tag of a brick's image. */
    static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");
    /** A full version (7.4.6, 1.2.3-alpine) or a digest: a tag that never moves to other content. */
    static final Pattern PINNED = Pattern.compile("\\d+\\.\\d+\\.\\d+([.-][\\w.-]+)?");
    /** PostgreSQL's versions have two numbers since 10: 17.6 is a full version, 17 is not. */
    static final Pattern POSTGRESQL_PINNED = Pattern.compile("\\d+\\.\\d+([.-][\\w.-]+)?");

    private final Manifests manifests;
    private final Set<String> bricks;

    DeployableChecks(Manifests manifests, Set<String> bricks) {
        this.manifests = manifests;
        this.bricks = bricks;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(imagesArePinned());
        problems.addAll(namespacesEnforceRestrictedPodSecurity());
        return problems;
    }

    List<String> imagesArePinned() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            boolean brick = bricks.contains(deployment.getMetadata().getName());
            containers(deployment.getSpec().getTemplate().getSpec())
                    .forEach(c -> checkImage(problems, Manifests.id(deployment), c, brick, PINNED));
        }
        for (StatefulSet set : manifests.ofType(StatefulSet.class)) {
            containers(set.getSpec().getTemplate().getSpec())
                    .forEach(c -> checkImage(problems, Manifests.id(set), c, false, PINNED));
        }
        // CloudNativePG runs the operator's default PostgreSQL image unless the Cluster names one.
        for (GenericKubernetesResource cluster : manifests.custom("Cluster")) {
            Container postgres = new ContainerBuilder().withName("postgres")
                    .withImage(cluster.<String>get("spec", "imageName")).build();
            checkImage(problems, Manifests.id(cluster), postgres, false, POSTGRESQL_PINNED);
        }
        return problems;
    }

    private static void checkImage(List<String> problems, String owner, Container container, boolean brick,
            Pattern fullVersion) {
        String image = Optional.ofNullable(container.getImage()).orElse("");
        String where = owner + " container " + container.getName() + ": image " + image;
        if (image.contains("@sha256:")) {
            return;
        }
        int colon = image.lastIndexOf(':');
        String tag = colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
        if (tag.isEmpty()) {
            problems.add(where + " has no tag, so it runs whatever latest is at the time");
        } else if (tag.equals("latest")) {
            problems.add(where + " runs latest");
        } else if (brick && !COMMIT.matcher(tag).matches()) {
            problems.add(where + " is not tagged with a commit (kustomize edit set image ...:$(git rev-parse --short"
                    + " HEAD))");
        } else if (!brick && !fullVersion.matcher(tag).matches()) {
            problems.add(where + " is not pinned to a full version or a digest");
        }
    }

    private static Stream<Container> containers(PodSpec pod) {
        return Stream.concat(Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream(),
                pod.getContainers().stream());
    }

    /** The shop's pods all meet the restricted Pod Security Standard, so the namespace enforces it. */
    List<String> namespacesEnforceRestrictedPodSecurity() {
        List<String> problems = new ArrayList<>();
        List<Namespace> namespaces = manifests.ofType(Namespace.class);
        if (namespaces.isEmpty()) {
            problems.add("the overlay creates no Namespace, so nothing sets its Pod Security level");
        }
        for (Namespace namespace : namespaces) {
            Map<String, String> labels = Optional.ofNullable(namespace.getMetadata().getLabels()).orElse(Map.of());
            for (String mode : List.of("enforce", "audit", "warn")) {
                if (!"restricted".equals(labels.get("pod-security.kubernetes.io/" + mode))) {
                    problems.add(Manifests.id(namespace) + ": pod-security.kubernetes.io/" + mode
                            + " is not restricted");
                }
            }
            if (labels.get("pod-security.kubernetes.io/enforce-version") == null) {
                problems.add(Manifests.id(namespace) + ": pod-security.kubernetes.io/enforce-version is not pinned");
            }
        }
        return problems;
    }
}
