package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The offline checks of a rendered manifest against the Kubernetes model and against the bricks'
 * real configuration. Each check returns what is wrong, one readable line per problem; an empty
 * list means the manifest passed.
 */
final class ManifestChecks {

    /** The brick that keeps nothing: it must never claim a persistent volume. */
    static final String SHARED_NOTHING_BRICK = "catalog-service";

    /** Fewer replicas of a brick would make it a single point of failure. */
    static final int MIN_BRICK_REPLICAS = 2;

    /** cart-service's Redis StatefulSet, whose pods each run a Sentinel on this port. */
    static final String REDIS = "redis";
    static final int SENTINEL_PORT = 26379;

    /** Read by the java launcher of the image, not by the application. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("JDK_JAVA_OPTIONS");

    private final Manifests manifests;
    private final Map<String, ApplicationConfig> bricks;

    ManifestChecks(Manifests manifests, Map<String, ApplicationConfig> bricks) {
        this.manifests = manifests;
        this.bricks = bricks;
    }

    /** Every check, for the manifests of a whole overlay. */
    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(wellFormed());
        problems.addAll(selectorsMatchPodLabels());
        problems.addAll(servicesReachContainerPorts());
        problems.addAll(ingressReachesServices());
        problems.addAll(routesReachServices());
        problems.addAll(bricksListenWhereProbed());
        problems.addAll(environmentIsReadByApplication());
        problems.addAll(localDefaultsAreOverridden());
        problems.addAll(referencedConfigMapsExist());
        problems.addAll(everyBrickIsDeployedWithHpaAndPdb());
        problems.addAll(sharedNothingBrickClaimsNoVolume());
        problems.addAll(everyBrickRunsTwoReplicasAtLeast());
        problems.addAll(kafkaKeepsEveryRecordOnTwoBrokers());
        problems.addAll(redisRunsWithSentinels());
        problems.addAll(disruptionsKeepEveryQuorum());
        problems.addAll(new RolloutChecks(manifests, bricks.keySet()).all());
        problems.addAll(new StatefulPartChecks(manifests).all());
        return problems;
    }

    /** Every check, plus those only a manifest that is applied to a cluster (an overlay) must pass. */
    List<String> deployable() {
        List<String> problems = all();
        problems.addAll(new DeployableChecks(manifests, bricks.keySet()).all());
        return problems;
    }

    /** Documents that fit the model, no unknown fields, no unknown kinds. */
    List<String> wellFormed() {
        List<String> problems = new ArrayList<>(manifests.problems());
        for (HasMetadata object : manifests.all()) {
            problems.addAll(UnknownFields.in(object));
            if (object instanceof GenericKubernetesResource custom) {
                if (StrimziModel.covers(custom)) {
                    problems.addAll(StrimziModel.check(custom));
                } else if (CloudNativePgFields.covers(custom)) {
                    problems.addAll(CloudNativePgFields.check(custom));
                } else {
                    problems.add(Manifests.id(custom) + ": " + custom.getApiVersion() + " " + custom.getKind()
                            + " is neither a Kubernetes kind nor a known custom resource");
                }
            }
        }
        return problems;
    }

    List<String> selectorsMatchPodLabels() {
        List<String> problems = new ArrayList<>();
        workloads().forEach((id, workload) -> {
            Map<String, String> labels = labelsOf(workload.template());
            if (workload.selector() == null || !matches(workload.selector(), labels)) {
                problems.add(id + ": selector " + describe(workload.selector()) + " matches none of its pod labels "
                        + labels);
            }
        });
        for (PodDisruptionBudget pdb : manifests.ofType(PodDisruptionBudget.class)) {
            LabelSelector selector = pdb.getSpec().getSelector();
            boolean covers = workloads().values().stream().anyMatch(w -> matches(selector, labelsOf(w.template())));
            if (!covers) {
                problems.add(Manifests.id(pdb) + ": selector " + describe(selector) + " matches no pod template");
            }
        }
        for (HorizontalPodAutoscaler hpa : manifests.ofType(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            if (!workloads().containsKey(target.getKind() + "/" + target.getName())) {
                problems.add(Manifests.id(hpa) + ": scales " + target.getKind() + "/" + target.getName()
                        + ", which does not exist");
            }
            if (hpa.getSpec().getMinReplicas() != null
                    && hpa.getSpec().getMinReplicas() > hpa.getSpec().getMaxReplicas()) {
                problems.add(Manifests.id(hpa) + ": minReplicas is above maxReplicas");
            }
        }
        return problems;
    }

    List<String> servicesReachContainerPorts() {
        List<String> problems = new ArrayList<>();
        for (Service service : manifests.ofType(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue; // a Service without selector has its endpoints managed elsewhere
            }
            List<Workload> selected = workloads().values().stream()
                    .filter(w -> labelsOf(w.template()).entrySet().containsAll(selector.entrySet()))
                    .toList();
            if (selected.isEmpty()) {
                problems.add(Manifests.id(service) + ": selector " + selector
                        + " matches no Deployment or StatefulSet");
                continue;
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort()
                        : new IntOrString(port.getPort());
                for (Workload workload : selected) {
                    boolean found = workload.template().getSpec().getContainers().stream()
                            .anyMatch(c -> findPort(c, target).isPresent());
                    if (!found) {
                        problems.add(Manifests.id(service) + ": port " + port.getName() + " targets " + show(target)
                                + ", which no container of " + workload.id() + " exposes");
                    }
                }
            }
        }
        return problems;
    }

    List<String> ingressReachesServices() {
        List<String> problems = new ArrayList<>();
        for (Ingress ingress : manifests.ofType(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() == null) {
                    continue;
                }
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    IngressServiceBackend backend = path.getBackend().getService();
                    if (backend == null) {
                        continue;
                    }
                    Optional<Service> service = manifests.named(Service.class, backend.getName());
                    if (service.isEmpty()) {
                        problems.add(Manifests.id(ingress) + ": " + path.getPath() + " goes to Service "
                                + backend.getName() + ", which does not exist");
                        continue;
                    }
                    var port = backend.getPort();
                    boolean exists = service.get().getSpec().getPorts().stream().anyMatch(p ->
                            port.getName() != null ? port.getName().equals(p.getName())
                                    : Objects.equals(port.getNumber(), p.getPort()));
                    if (!exists) {
                        problems.add(Manifests.id(ingress) + ": " + path.getPath() + " goes to a port Service/"
                                + backend.getName() + " does not have");
                    }
                }
            }
        }
        return problems;
    }

    /** Every HTTPRoute hangs on a Gateway of the manifest and sends each path to a port of a Service. */
    List<String> routesReachServices() {
        List<String> problems = new ArrayList<>();
        for (HTTPRoute route : manifests.ofType(HTTPRoute.class)) {
            for (ParentReference parent : nullToEmpty(route.getSpec().getParentRefs())) {
                Optional<Gateway> gateway = manifests.named(Gateway.class, parent.getName());
                boolean listens = gateway.isPresent() && (parent.getSectionName() == null
                        || gateway.get().getSpec().getListeners().stream()
                                .anyMatch(l -> l.getName().equals(parent.getSectionName())));
                if (!listens) {
                    problems.add(Manifests.id(route) + ": hangs on Gateway " + parent.getName()
                            + (parent.getSectionName() == null ? "" : " listener " + parent.getSectionName())
                            + ", which does not exist");
                }
            }
            for (HTTPRouteRule rule : nullToEmpty(route.getSpec().getRules())) {
                for (HTTPBackendRef backend : nullToEmpty(rule.getBackendRefs())) {
                    Optional<Service> service = manifests.named(Service.class, backend.getName());
                    boolean exists = service.isPresent() && service.get().getSpec().getPorts().stream()
                            .anyMatch(p -> Objects.equals(p.getPort(), backend.getPort()));
                    if (!exists) {
                        problems.add(Manifests.id(route) + ": sends requests to " + backend.getName() + ":"
                                + backend.getPort() + ", which is no port of a Service of the manifest");
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Each brick's container exposes the port the application listens on with the environment the
     * manifest gives it, and its startup, readiness and liveness probes ask that port for the
     * health paths the application serves.
     */
    List<String> bricksListenWhereProbed() {
        List<String> problems = new ArrayList<>();
        forEachBrickContainer((deployment, container, config) -> {
            String where = Manifests.id(deployment) + " container " + container.getName();
            int listening;
            try {
                listening = config.httpPort(environmentOf(container));
            } catch (NumberFormatException e) {
                problems.add(where + ": the application's HTTP port does not resolve to a number");
                return;
            }
            boolean exposed = container.getPorts() != null
                    && container.getPorts().stream().anyMatch(p -> p.getContainerPort() == listening);
            if (!exposed) {
                problems.add(where + ": the application listens on " + listening
                        + ", which the container does not expose");
            }
            checkProbe(problems, where, container, "startupProbe", container.getStartupProbe(),
                    config.startupPath(), listening);
            checkProbe(problems, where, container, "readinessProbe", container.getReadinessProbe(),
                    config.readinessPath(), listening);
            checkProbe(problems, where, container, "livenessProbe", container.getLivenessProbe(),
                    config.livenessPath(), listening);
        });
        return problems;
    }

    private void checkProbe(List<String> problems, String where, Container container, String kind, Probe probe,
            String servedPath, int listening) {
        if (probe == null) {
            problems.add(where + ": has no " + kind);
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null) {
            problems.add(where + ": " + kind + " is not an HTTP GET of the Quarkus health endpoint");
            return;
        }
        if (servedPath == null) {
            problems.add(where + ": " + kind + " asks for " + get.getPath()
                    + " but the application has no health extension");
        } else if (!servedPath.equals(get.getPath())) {
            problems.add(where + ": " + kind + " asks for " + get.getPath() + ", the application serves " + servedPath);
        }
        Optional<ContainerPort> port = findPort(container, get.getPort());
        if (port.isEmpty()) {
            problems.add(where + ": " + kind + " asks port " + show(get.getPort())
                    + ", which the container does not expose");
        } else if (port.get().getContainerPort() != listening) {
            problems.add(where + ": " + kind + " asks port " + port.get().getContainerPort()
                    + ", the application listens on " + listening);
        }
    }

    /** Every environment variable a brick's container gets is one its application reads. */
    List<String> environmentIsReadByApplication() {
        List<String> problems = new ArrayList<>();
        forEachBrickContainer((deployment, container, config) -> {
            var read = config.environmentVariablesRead();
            environmentOf(container).keySet().stream()
                    .filter(name -> !read.contains(name) && !LAUNCHER_VARIABLES.contains(name))
                    .forEach(name -> problems.add(Manifests.id(deployment) + " container " + container.getName()
                            + ": sets " + name + ", which " + config.name() + " does not read"));
        });
        return problems;
    }

    /** A variable whose default points at the developer's machine must be set in the pod. */
    List<String> localDefaultsAreOverridden() {
        List<String> problems = new ArrayList<>();
        forEachBrickContainer((deployment, container, config) -> {
            var environment = environmentOf(container);
            config.environmentVariablesWithLocalDefaults().stream()
                    .filter(name -> !environment.containsKey(name))
                    .forEach(name -> problems.add(Manifests.id(deployment) + " container " + container.getName()
                            + ": does not set " + name + ", whose default only works on a developer's machine"));
        });
        return problems;
    }

    List<String> referencedConfigMapsExist() {
        List<String> problems = new ArrayList<>();
        workloads().forEach((id, workload) -> {
            for (Container container : workload.template().getSpec().getContainers()) {
                for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
                    if (source.getConfigMapRef() != null && !Boolean.TRUE.equals(source.getConfigMapRef().getOptional())
                            && manifests.named(ConfigMap.class, source.getConfigMapRef().getName()).isEmpty()) {
                        problems.add(id + ": takes its environment from ConfigMap " + source.getConfigMapRef().getName()
                                + ", which does not exist");
                    }
                }
                for (EnvVar env : nullToEmpty(container.getEnv())) {
                    var ref = env.getValueFrom() == null ? null : env.getValueFrom().getConfigMapKeyRef();
                    if (ref != null && manifests.named(ConfigMap.class, ref.getName()).isEmpty()) {
                        problems.add(id + ": reads " + env.getName() + " from ConfigMap " + ref.getName()
                                + ", which does not exist");
                    }
                }
            }
        });
        return problems;
    }

    List<String> everyBrickIsDeployedWithHpaAndPdb() {
        List<String> problems = new ArrayList<>();
        for (String brick : bricks.keySet()) {
            Optional<Deployment> deployment = manifests.named(Deployment.class, brick);
            if (deployment.isEmpty()) {
                problems.add(brick + " has no Deployment");
                continue;
            }
            boolean scaled = manifests.ofType(HorizontalPodAutoscaler.class).stream()
                    .map(hpa -> hpa.getSpec().getScaleTargetRef())
                    .anyMatch(ref -> "Deployment".equals(ref.getKind()) && brick.equals(ref.getName()));
            if (!scaled) {
                problems.add(brick + " has no HorizontalPodAutoscaler");
            }
            Map<String, String> labels = labelsOf(deployment.get().getSpec().getTemplate());
            boolean budgeted = manifests.ofType(PodDisruptionBudget.class).stream()
                    .anyMatch(pdb -> matches(pdb.getSpec().getSelector(), labels));
            if (!budgeted) {
                problems.add(brick + " has no PodDisruptionBudget");
            }
            boolean served = manifests.ofType(Service.class).stream()
                    .map(s -> s.getSpec().getSelector())
                    .anyMatch(selector -> selector != null && !selector.isEmpty()
                            && labels.entrySet().containsAll(selector.entrySet()));
            if (!served) {
                problems.add(brick + " has no Service");
            }
        }
        return problems;
    }

    List<String> sharedNothingBrickClaimsNoVolume() {
        List<String> problems = new ArrayList<>();
        Optional<Deployment> deployment = manifests.named(Deployment.class, SHARED_NOTHING_BRICK);
        deployment.ifPresent(d -> {
            for (Volume volume : nullToEmpty(d.getSpec().getTemplate().getSpec().getVolumes())) {
                if (volume.getPersistentVolumeClaim() != null || volume.getEphemeral() != null) {
                    problems.add(Manifests.id(d) + ": volume " + volume.getName() + " claims a persistent volume; "
                            + SHARED_NOTHING_BRICK + " shares nothing (an emptyDir at most)");
                }
            }
            Map<String, String> labels = labelsOf(d.getSpec().getTemplate());
            for (PersistentVolumeClaim claim : manifests.ofType(PersistentVolumeClaim.class)) {
                Map<String, String> claimLabels = claim.getMetadata().getLabels();
                if (claim.getMetadata().getName().startsWith(SHARED_NOTHING_BRICK)
                        || (claimLabels != null && Objects.equals(claimLabels.get("app.kubernetes.io/name"),
                                labels.get("app.kubernetes.io/name")))) {
                    problems.add(Manifests.id(claim) + ": " + SHARED_NOTHING_BRICK
                            + " shares nothing and has no volume claim");
                }
            }
        });
        return problems;
    }

    /**
     * Every brick runs at least two replicas: its HPA's minimum, or (a brick without HPA) its own
     * replica count.
     */
    List<String> everyBrickRunsTwoReplicasAtLeast() {
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            boolean autoscaled = manifests.ofType(HorizontalPodAutoscaler.class).stream()
                    .anyMatch(h -> deployment.getMetadata().getName()
                            .equals(h.getSpec().getScaleTargetRef().getName()));
            if (autoscaled) {
                continue;
            }
            Integer replicas = deployment.getSpec().getReplicas();
            int count = replicas == null ? 1 : replicas;
            if (bricks.containsKey(deployment.getMetadata().getName()) && count < MIN_BRICK_REPLICAS) {
                problems.add(Manifests.id(deployment) + ": runs " + count + " replica(s); a brick needs at least "
                        + MIN_BRICK_REPLICAS);
            }
        }
        for (HorizontalPodAutoscaler hpa : manifests.ofType(HorizontalPodAutoscaler.class)) {
            var target = hpa.getSpec().getScaleTargetRef();
            Integer min = hpa.getSpec().getMinReplicas();
            int floor = min == null ? 1 : min;
            if ("Deployment".equals(target.getKind()) && bricks.containsKey(target.getName())
                    && floor < MIN_BRICK_REPLICAS) {
                problems.add(Manifests.id(hpa) + ": may scale " + target.getName() + " down to " + floor
                        + " replica(s); a brick needs at least " + MIN_BRICK_REPLICAS);
            }
        }
        return problems;
    }

    /**
     * An acknowledged record (acks=all) is on two brokers and survives the loss of one: every
     * topic, the broker defaults and Kafka's own state topics have three replicas and two in sync.
     */
    List<String> kafkaKeepsEveryRecordOnTwoBrokers() {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource topic : manifests.custom("KafkaTopic")) {
            atLeast(problems, Manifests.id(topic) + ": replicas", topic.get("spec", "replicas"), 3);
            atLeast(problems, Manifests.id(topic) + ": config.min.insync.replicas",
                    topic.get("spec", "config", "min.insync.replicas"), 2);
        }
        for (GenericKubernetesResource kafka : manifests.custom("Kafka")) {
            Map<String, Integer> needed = Map.of("default.replication.factor", 3, "min.insync.replicas", 2,
                    "offsets.topic.replication.factor", 3, "transaction.state.log.replication.factor", 3,
                    "transaction.state.log.min.isr", 2);
            needed.forEach((key, minimum) -> atLeast(problems, Manifests.id(kafka) + ": config " + key,
                    kafka.get("spec", "kafka", "config", key), minimum));
        }
        for (GenericKubernetesResource pool : manifests.custom("KafkaNodePool")) {
            atLeast(problems, Manifests.id(pool) + ": replicas", pool.get("spec", "replicas"), 3);
        }
        return problems;
    }

    /** Redis fails over without anybody's help: three pods, each with a Sentinel next to redis-server. */
    List<String> redisRunsWithSentinels() {
        List<String> problems = new ArrayList<>();
        manifests.named(StatefulSet.class, REDIS).ifPresent(redis -> {
            atLeast(problems, Manifests.id(redis) + ": replicas", redis.getSpec().getReplicas(), 3);
            boolean sentinel = redis.getSpec().getTemplate().getSpec().getContainers().stream()
                    .anyMatch(c -> nullToEmpty(c.getPorts()).stream()
                            .anyMatch(p -> p.getContainerPort() == SENTINEL_PORT));
            if (!sentinel) {
                problems.add(Manifests.id(redis) + ": no container runs a Sentinel (port " + SENTINEL_PORT
                        + "), so nobody fails the master over");
            }
        });
        return problems;
    }

    /**
     * A voluntary disruption (a node drain) never takes a stateful part of three or more members
     * below a majority: its StatefulSet's PodDisruptionBudget, Strimzi's budget for the Kafka nodes,
     * and CloudNativePG's (which the operator makes for a cluster of three instances).
     */
    List<String> disruptionsKeepEveryQuorum() {
        List<String> problems = new ArrayList<>();
        for (StatefulSet set : manifests.ofType(StatefulSet.class)) {
            int members = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
            if (members < 3) {
                continue;
            }
            Map<String, String> labels = labelsOf(set.getSpec().getTemplate());
            List<PodDisruptionBudget> budgets = manifests.ofType(PodDisruptionBudget.class).stream()
                    .filter(pdb -> matches(pdb.getSpec().getSelector(), labels))
                    .toList();
            if (budgets.isEmpty()) {
                problems.add(Manifests.id(set) + " has no PodDisruptionBudget, so a drain may stop a majority of its "
                        + members + " pods");
            }
            for (PodDisruptionBudget pdb : budgets) {
                keepsMajority(problems, Manifests.id(pdb), members, pdb.getSpec().getMinAvailable(),
                        pdb.getSpec().getMaxUnavailable());
            }
        }
        for (GenericKubernetesResource kafka : manifests.custom("Kafka")) {
            int nodes = manifests.custom("KafkaNodePool").stream()
                    .filter(pool -> kafka.getMetadata().getName()
                            .equals(nullToEmpty(pool.getMetadata().getLabels()).get("strimzi.io/cluster")))
                    .mapToInt(pool -> Objects.requireNonNullElse(number(pool.get("spec", "replicas")), 0))
                    .sum();
            // Strimzi's default budget is maxUnavailable: 1.
            Integer maxUnavailable = number(kafka.get("spec", "kafka", "template", "podDisruptionBudget",
                    "maxUnavailable"));
            if (nodes >= 3) {
                keepsMajority(problems, Manifests.id(kafka) + " spec.kafka.template.podDisruptionBudget", nodes, null,
                        new IntOrString(maxUnavailable == null ? 1 : maxUnavailable));
            }
        }
        for (GenericKubernetesResource cluster : manifests.custom("Cluster")) {
            atLeast(problems, Manifests.id(cluster) + ": instances", cluster.get("spec", "instances"), 3);
            if (Boolean.FALSE.equals(cluster.get("spec", "enablePDB"))) {
                problems.add(Manifests.id(cluster)
                        + ": enablePDB is false, so nothing keeps a drain from stopping a majority of its instances");
            }
        }
        return problems;
    }

    private static void keepsMajority(List<String> problems, String budget, int members, IntOrString minAvailable,
            IntOrString maxUnavailable) {
        int majority = members / 2 + 1;
        // Kubernetes rounds percentages up, for both fields.
        int kept = minAvailable != null ? scaled(minAvailable, members)
                : maxUnavailable != null ? members - scaled(maxUnavailable, members)
                : 0;
        if (kept < majority) {
            problems.add(budget + ": lets a drain leave " + Math.max(kept, 0) + " of " + members
                    + " members, below the majority of " + majority + " that keeps the quorum");
        }
    }

    private static int scaled(IntOrString value, int total) {
        if (value.getStrVal() == null) {
            return value.getIntVal();
        }
        int percent = Integer.parseInt(value.getStrVal().replace("%", "").trim());
        return (percent * total + 99) / 100;
    }

    private static void atLeast(List<String> problems, String what, Object value, int minimum) {
        Integer number = number(value);
        if (number == null || number < minimum) {
            problems.add(what + " is " + (value == null ? "not set" : value) + ", needs at least " + minimum);
        }
    }

    /** A number as YAML may hold it in a custom resource: an integer or a string of digits. */
    private static Integer number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The environment a container starts with: literal values, values from ConfigMaps in the
     * manifest, and placeholders for values from Secrets (whose content is not in the repository).
     */
    Map<String, String> environmentOf(Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : nullToEmpty(container.getEnvFrom())) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                manifests.named(ConfigMap.class, source.getConfigMapRef().getName())
                        .map(ConfigMap::getData)
                        .ifPresent(data -> data.forEach((k, v) -> environment.put(prefix + k, v)));
            }
            if (source.getSecretRef() != null) {
                manifests.named(Secret.class, source.getSecretRef().getName()).ifPresent(secret -> {
                    nullToEmpty(secret.getData()).keySet().forEach(k -> environment.put(prefix + k, "<secret>"));
                    nullToEmpty(secret.getStringData()).keySet().forEach(k -> environment.put(prefix + k, "<secret>"));
                });
            }
        }
        for (EnvVar env : nullToEmpty(container.getEnv())) {
            String value = env.getValue();
            if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = env.getValueFrom().getConfigMapKeyRef();
                value = manifests.named(ConfigMap.class, ref.getName())
                        .map(cm -> nullToEmpty(cm.getData()).get(ref.getKey())).orElse(null);
            } else if (env.getValueFrom() != null) {
                value = "<" + env.getName() + " from the cluster>";
            }
            environment.put(env.getName(), value == null ? "" : value);
        }
        return environment;
    }

    interface BrickContainerCheck {
        void check(Deployment deployment, Container container, ApplicationConfig config);
    }

    private void forEachBrickContainer(BrickContainerCheck check) {
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            ApplicationConfig config = bricks.get(deployment.getMetadata().getName());
            if (config == null) {
                continue;
            }
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                check.check(deployment, container, config);
            }
        }
    }

    record Workload(String id, LabelSelector selector, PodTemplateSpec template) {
    }

    private Map<String, Workload> workloads() {
        Map<String, Workload> workloads = new LinkedHashMap<>();
        for (Deployment d : manifests.ofType(Deployment.class)) {
            workloads.put(Manifests.id(d), new Workload(Manifests.id(d), d.getSpec().getSelector(),
                    d.getSpec().getTemplate()));
        }
        for (StatefulSet s : manifests.ofType(StatefulSet.class)) {
            workloads.put(Manifests.id(s), new Workload(Manifests.id(s), s.getSpec().getSelector(),
                    s.getSpec().getTemplate()));
        }
        return workloads;
    }

    static Map<String, String> labelsOf(PodTemplateSpec template) {
        if (template == null || template.getMetadata() == null || template.getMetadata().getLabels() == null) {
            return Map.of();
        }
        return template.getMetadata().getLabels();
    }

    /** Label selector semantics of Kubernetes; an empty or missing selector selects nothing here. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> required = nullToEmpty(selector.getMatchLabels());
        List<LabelSelectorRequirement> expressions = nullToEmpty(selector.getMatchExpressions());
        if (required.isEmpty() && expressions.isEmpty()) {
            return false;
        }
        if (!labels.entrySet().containsAll(required.entrySet())) {
            return false;
        }
        for (LabelSelectorRequirement requirement : expressions) {
            String value = labels.get(requirement.getKey());
            List<String> values = nullToEmpty(requirement.getValues());
            boolean ok = switch (requirement.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Optional<ContainerPort> findPort(Container container, IntOrString port) {
        if (port == null) {
            return Optional.empty();
        }
        Function<ContainerPort, Boolean> same = port.getStrVal() != null
                ? p -> port.getStrVal().equals(p.getName())
                : p -> Objects.equals(port.getIntVal(), p.getContainerPort());
        return nullToEmpty(container.getPorts()).stream().filter(same::apply).findFirst();
    }

    private static String show(IntOrString value) {
        return value == null ? "nothing"
                : value.getStrVal() != null ? "'" + value.getStrVal() + "'" : String.valueOf(value.getIntVal());
    }

    private static String describe(LabelSelector selector) {
        return selector == null ? "(none)" : String.valueOf(nullToEmpty(selector.getMatchLabels()))
                + (nullToEmpty(selector.getMatchExpressions()).isEmpty() ? "" : " " + selector.getMatchExpressions());
    }

    private static <T> List<T> nullToEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> nullToEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
