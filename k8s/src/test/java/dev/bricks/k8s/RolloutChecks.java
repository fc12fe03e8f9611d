package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the bricks are scaled, rolled and drained: the autoscaler alone sets the replica count, a
 * rollout never lowers the serving capacity, a terminating pod finishes what the gateway sent it,
 * a drain is never blocked by a pod that serves nothing, and each JVM's heap fits its limit.
 */
final class RolloutChecks {

    /** Metaspace, code cache, thread stacks and direct buffers of a brick, above its heap. */
    static final long NON_HEAP_BYTES = 128L << 20;

    /** The shortest preStop delay that outlasts the endpoint removal reaching the gateway. */
    static final int MIN_PRE_STOP_SECONDS = 5;

    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|h|m|s)");

    private final Manifests manifests;
    private final Set<String> bricks;

    RolloutChecks(Manifests manifests, Set<String> bricks) {
        this.manifests = manifests;
        this.bricks = bricks;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(autoscalersOwnTheReplicaCount());
        problems.addAll(rolloutsKeepEveryReplicaServing());
        problems.addAll(terminatingPodsFinishTheirRequests());
        problems.addAll(disruptionBudgetsLetUnhealthyPodsGo());
        problems.addAll(heapFitsTheMemoryLimit());
        return problems;
    }

    /** A Deployment an HPA scales sets no replicas: otherwise every apply scales it back. */
    List<String> autoscalersOwnTheReplicaCount() {
        List<String> problems = new ArrayList<>();
        for (HorizontalPodAutoscaler hpa : manifests.ofType(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!"Deployment".equals(target.getKind())) {
                continue;
            }
            manifests.named(Deployment.class, target.getName())
                    .filter(d -> d.getSpec().getReplicas() != null)
                    .ifPresent(d -> problems.add(Manifests.id(d) + ": sets spec.replicas although " + Manifests.id(hpa)
                            + " owns the count, so every apply scales it back to " + d.getSpec().getReplicas()));
        }
        return problems;
    }

    /** A new pod takes traffic only once ready, and no old one stops before: maxUnavailable 0. */
    List<String> rolloutsKeepEveryReplicaServing() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : brickDeployments()) {
            DeploymentStrategy strategy = deployment.getSpec().getStrategy();
            IntOrString maxUnavailable = strategy == null || strategy.getRollingUpdate() == null ? null
                    : strategy.getRollingUpdate().getMaxUnavailable();
            boolean none = maxUnavailable != null && (Integer.valueOf(0).equals(maxUnavailable.getIntVal())
                    || "0%".equals(maxUnavailable.getStrVal()));
            if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || !none) {
                problems.add(Manifests.id(deployment) + ": a rollout may stop a serving replica before its"
                        + " replacement is ready (needs type RollingUpdate with maxUnavailable: 0)");
            }
            if (container(deployment).getReadinessProbe() == null) {
                problems.add(Manifests.id(deployment) + ": no readiness probe gates the new replicas");
            }
        }
        return problems;
    }

    /**
     * A terminating brick keeps serving for its preStop delay (while the endpoint removal reaches
     * the gateway), then still finishes the longest request the gateway lets through, all within
     * its termination grace period.
     */
    List<String> terminatingPodsFinishTheirRequests() {
        List<String> problems = new ArrayList<>();
        OptionalLong longest = longestRequestSeconds(problems);
        for (Deployment deployment : brickDeployments()) {
            String id = Manifests.id(deployment);
            LifecycleHandler preStop = container(deployment).getLifecycle() == null ? null
                    : container(deployment).getLifecycle().getPreStop();
            Long delay = preStop == null || preStop.getSleep() == null ? null : preStop.getSleep().getSeconds();
            if (delay == null || delay < MIN_PRE_STOP_SECONDS) {
                problems.add(id + ": no preStop sleep of at least " + MIN_PRE_STOP_SECONDS
                        + " s, so the gateway still sends requests to a stopping pod");
                continue;
            }
            Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            long granted = grace == null ? 30 : grace;
            if (longest.isPresent() && granted <= delay + longest.getAsLong()) {
                problems.add(id + ": terminationGracePeriodSeconds " + granted + " does not cover the preStop delay ("
                        + delay + " s) and the longest request (" + longest.getAsLong() + " s)");
            }
        }
        return problems;
    }

    /** The longest request the gateway lets through: its HTTPRoutes' timeouts, or the Ingress's. */
    private OptionalLong longestRequestSeconds(List<String> problems) {
        long longest = -1;
        for (HTTPRoute route : manifests.ofType(HTTPRoute.class)) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                if (rule.getBackendRefs() == null || rule.getBackendRefs().isEmpty()) {
                    continue; // a redirect: nothing reaches a brick
                }
                String timeout = rule.getTimeouts() == null ? null : rule.getTimeouts().getRequest();
                if (timeout == null) {
                    problems.add(Manifests.id(route) + ": a rule to " + rule.getBackendRefs().get(0).getName()
                            + " has no timeouts.request, so no grace period is sure to outlast its requests");
                } else {
                    longest = Math.max(longest, seconds(timeout));
                }
            }
        }
        for (Ingress ingress : manifests.ofType(Ingress.class)) {
            Map<String, String> annotations = Optional.ofNullable(ingress.getMetadata().getAnnotations())
                    .orElse(Map.of());
            String read = annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout");
            if (read == null) {
                problems.add(Manifests.id(ingress) + ": no proxy-read-timeout bounds the longest request");
            } else {
                longest = Math.max(longest, Long.parseLong(read.trim()));
            }
        }
        return longest < 0 ? OptionalLong.empty() : OptionalLong.of(longest);
    }

    /** A Gateway API duration such as {@code 30s}, {@code 1m30s} or {@code 500ms}, rounded up. */
    static long seconds(String duration) {
        Matcher matcher = DURATION.matcher(duration);
        long millis = 0;
        while (matcher.find()) {
            long value = Long.parseLong(matcher.group(1));
            millis += switch (matcher.group(2)) {
                case "h" -> value * 3_600_000;
                case "m" -> value * 60_000;
                case "s" -> value * 1_000;
                default -> value;
            };
        }
        return (millis + 999) / 1000;
    }

    /** A pod that is not ready serves nothing: a drain may always evict it. */
    List<String> disruptionBudgetsLetUnhealthyPodsGo() {
        List<String> problems = new ArrayList<>();
        for (PodDisruptionBudget pdb : manifests.ofType(PodDisruptionBudget.class)) {
            if (!"AlwaysAllow".equals(pdb.getSpec().getUnhealthyPodEvictionPolicy())) {
                problems.add(Manifests.id(pdb) + ": unhealthyPodEvictionPolicy is not AlwaysAllow, so a pod that"
                        + " never becomes ready blocks every drain");
            }
        }
        return problems;
    }

    /**
     * Each brick sets its heap (-Xmx, read by the java launcher from JDK_JAVA_OPTIONS) instead of the
     * image's percentage of the limit, and the memory limit holds the heap plus the rest of the JVM.
     */
    List<String> heapFitsTheMemoryLimit() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : brickDeployments()) {
            String id = Manifests.id(deployment);
            Optional<Long> heap = heapBytes(container(deployment));
            Quantity limit = container(deployment).getResources() == null
                    || container(deployment).getResources().getLimits() == null ? null
                    : container(deployment).getResources().getLimits().get("memory");
            if (heap.isEmpty()) {
                problems.add(id + ": sets no -Xmx in JDK_JAVA_OPTIONS, so the heap is a percentage of the limit");
            } else if (limit == null) {
                problems.add(id + ": has no memory limit");
            } else if (Quantity.getAmountInBytes(limit)
                    .compareTo(BigDecimal.valueOf(heap.get() + NON_HEAP_BYTES)) < 0) {
                problems.add(id + ": memory limit " + limit + " is below the heap (" + (heap.get() >> 20)
                        + " MiB) + " + (NON_HEAP_BYTES >> 20) + " MiB for the rest of the JVM");
            }
        }
        return problems;
    }

    static Optional<Long> heapBytes(Container container) {
        for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (!"JDK_JAVA_OPTIONS".equals(env.getName()) || env.getValue() == null) {
                continue;
            }
            Matcher matcher = XMX.matcher(env.getValue());
            if (matcher.find()) {
                long value = Long.parseLong(matcher.group(1));
                int shift = switch (matcher.group(2).toLowerCase()) {
                    case "k" -> 10;
                    case "m" -> 20;
                    case "g" -> 30;
                    default -> 0;
                };
                return Optional.of(value << shift);
            }
        }
        return Optional.empty();
    }

    private List<Deployment> brickDeployments() {
        return manifests.ofType(Deployment.class).stream()
                .filter(d -> bricks.contains(d.getMetadata().getName()))
                .toList();
    }

    private static Container container(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
