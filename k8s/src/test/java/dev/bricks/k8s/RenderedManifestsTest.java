package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretProjection;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.WeightedPodAffinityTerm;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real kustomizations, rendered with {@code kubectl kustomize} and checked against the bricks'
 * real configuration. Without kubectl these tests are skipped (and say so) on a developer's machine
 * and fail on CI ({@code CI=true}); the checks themselves are proven by {@link ManifestChecksTest}.
 */
class RenderedManifestsTest {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private static Manifests rendered(String kustomization) {
        if (Kustomize.kubectl().isEmpty() && Kustomize.required(System.getenv())) {
            fail("kubectl is not installed and CI=true: the rendered kustomizations must be checked on CI");
        }
        assumeTrue(Kustomize.kubectl().isPresent(),
                "kubectl is not installed: the rendered kustomizations are not checked"
                        + " (install kubectl to check them)");
        return RENDERED.computeIfAbsent(kustomization, name -> Manifests.parse(Kustomize.render(
                name.equals("base") ? Project.base() : Project.overlay(name))));
    }

    private static Map<String, ApplicationConfig> bricks() {
        Map<String, ApplicationConfig> bricks = new LinkedHashMap<>();
        Project.BRICKS.forEach(brick -> bricks.put(brick, ApplicationConfig.of(brick)));
        return bricks;
    }

    private static Deployment deployment(Manifests manifests, String brick) {
        return manifests.named(Deployment.class, brick)
                .orElseThrow(() -> new AssertionError(brick + " has no Deployment"));
    }

    private static HorizontalPodAutoscaler hpa(Manifests manifests, String brick) {
        return manifests.named(HorizontalPodAutoscaler.class, brick)
                .orElseThrow(() -> new AssertionError(brick + " has no HPA"));
    }

    private static Container brickContainer(Manifests manifests, String brick) {
        return deployment(manifests, brick).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base", "dev", "prod", "prod-ingress-nginx"})
    void everyKustomizationRendersAndPassesEveryCheck(String kustomization) {
        Manifests manifests = rendered(kustomization);
        assertFalse(manifests.all().isEmpty(), kustomization + " renders objects");
        ManifestChecks checks = new ManifestChecks(manifests, bricks());
        // The base leaves the images' tags and the namespace to the overlays.
        List<String> problems = kustomization.equals("base") ? checks.all() : checks.deployable();
        assertEquals(List.of(), problems, () -> kustomization + ":\n  " + String.join("\n  ", problems));
    }

    @Test
    void devRunsTwoReplicasOfEachBrickWithSmallRequests() {
        Manifests dev = rendered("dev");
        for (String brick : Project.BRICKS) {
            assertNull(deployment(dev, brick).getSpec().getReplicas(), brick + ": the HPA owns the count");
            assertEquals(2, hpa(dev, brick).getSpec().getMinReplicas(), brick);
            assertEquals(2, hpa(dev, brick).getSpec().getMaxReplicas(), brick);
            Quantity memory = brickContainer(dev, brick).getResources().getRequests().get("memory");
            assertTrue(Quantity.getAmountInBytes(memory).intValue() <= 256 * 1024 * 1024,
                    brick + " requests " + memory);
        }
    }

    @Test
    void prodRunsAtLeastFourCatalogThreeCartAndTwoOfTheOtherReplicasWithinTheirAutoscalingBounds() {
        Manifests prod = rendered("prod");
        Map<String, Integer> atLeast = Map.of("catalog-service", 4, "cart-service", 3, "customer-service", 2,
                "order-service", 2);
        for (String brick : Project.BRICKS) {
            assertNull(deployment(prod, brick).getSpec().getReplicas(), brick + ": the HPA owns the count");
            var bounds = hpa(prod, brick).getSpec();
            assertTrue(bounds.getMinReplicas() >= atLeast.get(brick),
                    brick + " may shrink to " + bounds.getMinReplicas());
            assertTrue(bounds.getMinReplicas() <= bounds.getMaxReplicas(), brick);
        }
        assertTrue(hpa(prod, "order-service").getSpec().getMaxReplicas() <= topicPartitions(prod, "orders.placed"),
                "more order-service replicas than orders.placed partitions would sit idle");
    }

    @Test
    void prodSpreadsEveryBrickOverNodes() {
        Manifests prod = rendered("prod");
        for (String brick : Project.BRICKS) {
            PodSpec pod = deployment(prod, brick).getSpec().getTemplate().getSpec();
            assertNotNull(pod.getAffinity(), brick + " has no affinity");
            List<WeightedPodAffinityTerm> terms = pod.getAffinity().getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution();
            Map<String, String> labels = deployment(prod, brick).getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(terms.stream().anyMatch(
                    t -> "kubernetes.io/hostname".equals(t.getPodAffinityTerm().getTopologyKey())
                            && ManifestChecks.matches(t.getPodAffinityTerm().getLabelSelector(), labels)),
                    brick + " is not spread over kubernetes.io/hostname by its own labels");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyBrickImageIsTaggedWithACommitByTheOverlay(String overlay) throws IOException {
        Manifests manifests = rendered(overlay);
        String kustomization = Files.readString(Project.overlay(overlay).resolve("kustomization.yaml"),
                StandardCharsets.UTF_8);
        for (String brick : Project.BRICKS) {
            String image = brickContainer(manifests, brick).getImage();
            assertTrue(image.matches(".+/" + brick + ":[0-9a-f]{7,40}"), brick + " image " + image
                    + " is not tagged with a commit");
            assertTrue(kustomization.contains("- name: bricks/" + brick),
                    overlay + " does not set the image of " + brick + " with images:");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void bricksRunAsNonRootOnAReadOnlyFilesystemWithRequestsAndLimits(String overlay) {
        Manifests manifests = rendered(overlay);
        for (String brick : Project.BRICKS) {
            PodSpec pod = deployment(manifests, brick).getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().get(0);
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), brick);
            assertEquals(185L, pod.getSecurityContext().getRunAsUser(), brick + " runs as the image's user 185");
            assertEquals(Boolean.TRUE, container.getSecurityContext().getReadOnlyRootFilesystem(), brick);
            assertEquals(Boolean.FALSE, container.getSecurityContext().getAllowPrivilegeEscalation(), brick);
            assertTrue(container.getResources().getRequests().keySet().containsAll(Set.of("cpu", "memory")), brick);
            assertTrue(container.getResources().getLimits().containsKey("memory"), brick);
            assertTrue(container.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")),
                    brick + " has no writable /tmp on its read-only root filesystem");
        }
    }

    @Test
    void catalogKeepsNothingButScratchSpace() {
        Manifests prod = rendered("prod");
        for (Volume volume : deployment(prod, "catalog-service").getSpec().getTemplate().getSpec().getVolumes()) {
            assertTrue(volume.getEmptyDir() != null || volume.getSecret() != null || volume.getConfigMap() != null,
                    "catalog-service volume " + volume.getName() + " is more than scratch space or configuration");
        }
    }

    @Test
    void metricsAreAnnotatedForScrapingOnThePathTheApplicationServes() {
        Manifests prod = rendered("prod");
        bricks().forEach((brick, config) -> {
            Map<String, String> annotations = deployment(prod, brick).getSpec().getTemplate().getMetadata()
                    .getAnnotations();
            assertEquals(config.metricsPath(), annotations.get("prometheus.io/path"), brick);
        });
    }

    @Test
    void theGatewayRoutesEachPrefixToItsBrickWithoutRewritingOverTls() {
        Manifests prod = rendered("prod");
        HTTPRoute route = prod.named(HTTPRoute.class, "bricks").orElseThrow();
        Map<String, String> routes = new TreeMap<>();
        for (HTTPRouteRule rule : route.getSpec().getRules()) {
            assertTrue(rule.getFilters() == null || rule.getFilters().stream()
                    .noneMatch(f -> "URLRewrite".equals(f.getType())), "the gateway must not rewrite paths");
            for (HTTPRouteMatch match : rule.getMatches()) {
                assertEquals("PathPrefix", match.getPath().getType(), match.getPath().getValue());
                routes.put(match.getPath().getValue(), rule.getBackendRefs().get(0).getName());
            }
        }
        assertEquals(Map.of("/api/catalog", "catalog-service", "/api/carts", "cart-service",
                "/api/customers", "customer-service", "/api/orders", "order-service", "/backoffice", "order-service"),
                routes);

        Gateway gateway = prod.named(Gateway.class, route.getSpec().getParentRefs().get(0).getName()).orElseThrow();
        Listener https = gateway.getSpec().getListeners().stream()
                .filter(l -> l.getName().equals(route.getSpec().getParentRefs().get(0).getSectionName()))
                .findFirst().orElseThrow();
        assertEquals("HTTPS", https.getProtocol());
        assertEquals("Terminate", https.getTls().getMode());
        assertEquals("bricks-tls", https.getTls().getCertificateRefs().get(0).getName());
        // Whatever listens on plain HTTP only redirects to HTTPS.
        for (HTTPRoute other : prod.ofType(HTTPRoute.class)) {
            boolean onHttp = other.getSpec().getParentRefs().stream()
                    .anyMatch(p -> !"https".equals(p.getSectionName()));
            if (onHttp) {
                assertTrue(other.getSpec().getRules().stream().allMatch(r -> r.getBackendRefs() == null
                        || r.getBackendRefs().isEmpty()), Manifests.id(other) + " serves plain HTTP");
            }
        }
    }

    @Test
    void theIngressAlternativeRoutesEachPrefixToItsBrickWithoutRewriting() {
        Manifests prod = rendered("prod-ingress-nginx");
        assertEquals(List.of(), prod.ofType(HTTPRoute.class), "the Ingress replaces the HTTPRoutes");
        List<Ingress> ingresses = prod.ofType(Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        Map<String, String> routes = new TreeMap<>();
        for (var rule : ingress.getSpec().getRules()) {
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                assertEquals("Prefix", path.getPathType(), path.getPath());
                routes.put(path.getPath(), path.getBackend().getService().getName());
            }
        }
        assertEquals(Map.of("/api/catalog", "catalog-service", "/api/carts", "cart-service",
                "/api/customers", "customer-service", "/api/orders", "order-service", "/backoffice", "order-service"),
                routes);
        Map<String, String> annotations = ingress.getMetadata().getAnnotations() == null ? Map.of()
                : ingress.getMetadata().getAnnotations();
        assertTrue(annotations.keySet().stream().noneMatch(k -> k.contains("rewrite")),
                "the gateway must not rewrite paths");
    }

    @Test
    void theGatewayAcceptsCatalogueUploadsAsLargeAsCatalogServiceDoes() {
        Manifests manifests = rendered("prod-ingress-nginx");
        String catalogLimit = ApplicationConfig.of("catalog-service").resolve("quarkus.http.limits.max-body-size",
                new ManifestChecks(manifests, bricks()).environmentOf(brickContainer(manifests, "catalog-service")),
                "10M");
        Ingress ingress = manifests.ofType(Ingress.class).get(0);
        String gatewayLimit = ingress.getMetadata().getAnnotations()
                .getOrDefault("nginx.ingress.kubernetes.io/proxy-body-size", "1m");
        assertTrue(bytes(gatewayLimit) >= bytes(catalogLimit),
                "the ingress accepts bodies up to " + gatewayLimit + ", catalog-service up to " + catalogLimit);
    }

    /** Sizes as Quarkus (64M) and ingress-nginx (64m) write them. */
    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(?i)(\\d+)\\s*([kmg]?)b?").matcher(size.trim());
        assertTrue(matcher.matches(), "not a size: " + size);
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> value << 10;
            case "m" -> value << 20;
            case "g" -> value << 30;
            default -> value;
        };
    }

    @Test
    void kafkaRunsInKraftOnANodePoolWithTheThreeTopics() {
        Manifests prod = rendered("prod");
        GenericKubernetesResource kafka = single(prod, "Kafka");
        assertEquals(StrimziModel.API_VERSION, kafka.getApiVersion());
        // Since Strimzi 0.48 KRaft and node pools are the only mode: the old switches are ignored.
        Map<String, String> annotations = Objects.requireNonNullElse(kafka.getMetadata().getAnnotations(), Map.of());
        assertFalse(annotations.containsKey("strimzi.io/kraft"), "strimzi.io/kraft is ignored");
        assertFalse(annotations.containsKey("strimzi.io/node-pools"), "strimzi.io/node-pools is ignored");
        GenericKubernetesResource pool = single(prod, "KafkaNodePool");
        assertEquals(kafka.getMetadata().getName(), pool.getMetadata().getLabels().get("strimzi.io/cluster"));
        assertEquals(Set.of("controller", "broker"), Set.copyOf(pool.<List<String>>get("spec", "roles")));
        assertEquals(3, pool.<Integer>get("spec", "replicas"));

        Map<String, List<Object>> topics = new TreeMap<>();
        for (GenericKubernetesResource topic : prod.custom("KafkaTopic")) {
            assertEquals(kafka.getMetadata().getName(), topic.getMetadata().getLabels().get("strimzi.io/cluster"));
            topics.put(topic.get("spec", "topicName"), List.of(topic.get("spec", "partitions"),
                    topic.get("spec", "replicas"),
                    String.valueOf(topic.<Object>get("spec", "config", "retention.ms"))));
        }
        assertEquals(Map.of(
                "catalog.generations", List.of(1, 3, "-1"),
                "orders.placed", List.of(3, 3, "604800000"),
                "orders.placed.dlq", List.of(1, 3, "2592000000")), topics);
    }

    @Test
    void customerDatabaseRunsThreeInstancesWithASynchronousStandby() {
        Manifests prod = rendered("prod");
        GenericKubernetesResource customers = cluster(prod, "customers");
        assertEquals(3, customers.<Integer>get("spec", "instances"));
        Object number = customers.get("spec", "postgresql", "synchronous", "number");
        Object minSync = customers.get("spec", "minSyncReplicas");
        assertTrue(Integer.valueOf(1).equals(number) || Integer.valueOf(1).equals(minSync),
                "customers has no synchronous standby");
        assertEquals("customers", customers.get("spec", "bootstrap", "initdb", "database"));
        assertEquals("customers", customers.get("spec", "bootstrap", "initdb", "owner"));
        assertEquals("orders", cluster(prod, "orders").get("spec", "bootstrap", "initdb", "database"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void redisRunsThreePodsOfRedisAndSentinelWithAnAppendOnlyFileFsyncedOnEveryWrite(String overlay) {
        Manifests manifests = rendered(overlay);
        StatefulSet redis = redis(manifests);
        assertEquals(3, redis.getSpec().getReplicas());
        PodSpec pod = redis.getSpec().getTemplate().getSpec();
        assertEquals(List.of("redis", "sentinel"), pod.getContainers().stream().map(Container::getName).toList());

        Set<String> server = redisFile(manifests, "redis.conf");
        assertTrue(server.containsAll(Set.of("appendonly yes", "appendfsync always", "dir /data",
                "min-replicas-to-write 1", "min-replicas-max-lag 10")), server::toString);
        assertEquals(1, redis.getSpec().getVolumeClaimTemplates().size());
        String claim = redis.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        assertTrue(pod.getContainers().get(0).getVolumeMounts().stream()
                .anyMatch(m -> m.getName().equals(claim) && m.getMountPath().equals("/data")),
                "the AOF is not on the pod's claim");

        Set<String> sentinel = redisFile(manifests, "sentinel.conf");
        assertTrue(sentinel.containsAll(Set.of("port 26379", "sentinel resolve-hostnames yes",
                "sentinel announce-hostnames yes", "sentinel monitor bricks @MASTER@ 6379 2",
                "sentinel down-after-milliseconds bricks 2000", "sentinel failover-timeout bricks 10000")),
                sentinel::toString);

        Service headless = manifests.named(Service.class, redis.getSpec().getServiceName()).orElseThrow();
        assertEquals("None", headless.getSpec().getClusterIP(), "the pods' DNS names need a headless Service");
        assertEquals(Boolean.TRUE, headless.getSpec().getPublishNotReadyAddresses(),
                "a starting pod must find the others");
        Service sentinels = manifests.named(Service.class, "redis-sentinel").orElseThrow();
        assertEquals(List.of(26379), sentinels.getSpec().getPorts().stream().map(ServicePort::getPort).toList());

        List<WeightedPodAffinityTerm> spread = pod.getAffinity().getPodAntiAffinity()
                .getPreferredDuringSchedulingIgnoredDuringExecution();
        Map<String, String> redisLabels = redis.getSpec().getTemplate().getMetadata().getLabels();
        assertTrue(spread.stream().anyMatch(
                t -> "kubernetes.io/hostname".equals(t.getPodAffinityTerm().getTopologyKey())
                        && ManifestChecks.matches(t.getPodAffinityTerm().getLabelSelector(), redisLabels)),
                "the Redis pods are not spread over nodes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void cartAsksEverySentinelForTheMasterAndWaitsForAReplicaToAcknowledge(String overlay) {
        Manifests manifests = rendered(overlay);
        Map<String, String> environment = new ManifestChecks(manifests, bricks())
                .environmentOf(brickContainer(manifests, "cart-service"));
        ApplicationConfig cart = ApplicationConfig.of("cart-service");
        StatefulSet redis = redis(manifests);

        assertEquals("sentinel", cart.resolve("quarkus.redis.client-type", environment, "standalone"));
        String monitor = redisFile(manifests, "sentinel.conf").stream()
                .filter(l -> l.startsWith("sentinel monitor ")).findFirst().orElseThrow();
        assertEquals(monitor.split("\\s+")[2], cart.resolve("quarkus.redis.master-name", environment, null),
                "the sentinels' master name");
        Set<String> sentinels = IntStream.range(0, redis.getSpec().getReplicas())
                .mapToObj(i -> "redis://redis-" + i + "." + redis.getSpec().getServiceName() + ":26379")
                .collect(Collectors.toSet());
        assertEquals(sentinels, Set.copyOf(List.of(cart.resolve("quarkus.redis.hosts", environment, "").split(","))));
        int acknowledging = Integer.parseInt(cart.resolve("bricks.cart.redis.ack-replicas", environment, "0").trim());
        assertTrue(acknowledging >= 1 && acknowledging < redis.getSpec().getReplicas(),
                "a change is acknowledged by " + acknowledging + " replica(s)");
    }

    private static StatefulSet redis(Manifests manifests) {
        return manifests.named(StatefulSet.class, ManifestChecks.REDIS)
                .orElseThrow(() -> new AssertionError("no StatefulSet redis"));
    }

    /** The lines that say something (no comments, no blank lines) of a file of the Redis pods' ConfigMap. */
    private static Set<String> redisFile(Manifests manifests, String file) {
        String configMap = redis(manifests).getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null)
                .map(v -> v.getConfigMap().getName())
                .findFirst().orElseThrow(() -> new AssertionError("the Redis pods mount no ConfigMap"));
        String text = manifests.named(ConfigMap.class, configMap).orElseThrow().getData().get(file);
        assertNotNull(text, configMap + " has no " + file);
        return text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void bricksReachTheStatefulPartsThroughTheOperatorsServices(String overlay) {
        Manifests manifests = rendered(overlay);
        ManifestChecks checks = new ManifestChecks(manifests, bricks());
        Set<String> hosts = manifests.ofType(Service.class).stream().map(s -> s.getMetadata().getName())
                .collect(Collectors.toSet());
        hosts.add(single(manifests, "Kafka").getMetadata().getName() + "-kafka-bootstrap");
        manifests.custom("Cluster").forEach(c -> hosts.add(c.getMetadata().getName() + "-rw"));
        // A StatefulSet's pods have stable names through their headless Service: redis-0.redis-headless.
        for (StatefulSet set : manifests.ofType(StatefulSet.class)) {
            manifests.named(Service.class, set.getSpec().getServiceName())
                    .filter(service -> "None".equals(service.getSpec().getClusterIP()))
                    .ifPresent(service -> IntStream.range(0, set.getSpec().getReplicas())
                            .forEach(i -> hosts.add(set.getMetadata().getName() + "-" + i + "."
                                    + service.getMetadata().getName())));
        }
        Pattern host = Pattern.compile("^(?:[a-z]+:)*(?://)?([a-z0-9.-]+)[:/]?");
        for (String brick : Project.BRICKS) {
            checkAddresses(checks.environmentOf(brickContainer(manifests, brick)), brick, hosts, host);
        }
    }

    private static void checkAddresses(Map<String, String> environment, String brick, Set<String> hosts, Pattern host) {
        environment.forEach((name, value) -> {
            // an embedded H2 (the catalog's own catalogue) is a file of the pod, not an address
            if ((name.endsWith("_URL") || name.endsWith("_BOOTSTRAP")) && !value.startsWith("jdbc:h2:")) {
                for (String address : value.split(",")) {
                    Matcher matcher = host.matcher(address.strip().replaceFirst("^jdbc:", ""));
                    assertTrue(matcher.find(), brick + " " + name + "=" + value);
                    assertTrue(hosts.contains(matcher.group(1)),
                            brick + " " + name + "=" + value + ": " + matcher.group(1)
                                    + " is neither a Service nor a StatefulSet pod of the manifest");
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod", "prod-ingress-nginx"})
    void everyBrickExportsItsTracesToTheClusterCollectorSamplesAShareAndLogsJsonLines(String overlay) {
        Manifests manifests = rendered(overlay);
        ManifestChecks checks = new ManifestChecks(manifests, bricks());
        for (String brick : Project.BRICKS) {
            Map<String, String> environment = checks.environmentOf(brickContainer(manifests, brick));
            ApplicationConfig config = ApplicationConfig.of(brick);
            assertEquals("http://otel-collector.monitoring.svc:4318",
                    config.resolve("quarkus.otel.exporter.otlp.traces.endpoint", environment, ""),
                    brick + ": the OTLP/HTTP endpoint of the collector (k8s/README.md, \"Traces and logs\")");
            assertEquals("http/protobuf",
                    config.resolve("quarkus.otel.exporter.otlp.traces.protocol", environment, ""), brick);
            double sampling = Double.parseDouble(config.resolve("quarkus.otel.traces.sampler.arg", environment, ""));
            assertTrue(sampling > 0 && sampling < 1, brick + " samples " + sampling + " of the new traces");
            assertEquals("true", config.resolve("quarkus.log.console.json.enabled", environment, ""),
                    brick + " logs JSON lines");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void theCatalogKeepsItsCatalogueInAFileOnItsOwnBoundedEmptyDir(String overlay) {
        Manifests manifests = rendered(overlay);
        Container catalog = brickContainer(manifests, "catalog-service");
        String url = ApplicationConfig.of("catalog-service").resolve("quarkus.datasource.jdbc.url",
                new ManifestChecks(manifests, bricks()).environmentOf(catalog), "");
        Matcher file = Pattern.compile("^jdbc:h2:file:(/[^;]+)/[^/;]+(;.*)?$").matcher(url);
        assertTrue(file.matches(), "the catalogue is not in an H2 file (the heap would grow with it): " + url);
        VolumeMount mount = catalog.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(file.group(1)))
                .findFirst().orElseThrow(() -> new AssertionError("nothing is mounted at " + file.group(1)
                        + ": the catalogue would be written to the read-only root filesystem"));
        Volume volume = deployment(manifests, "catalog-service").getSpec().getTemplate().getSpec().getVolumes()
                .stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
        assertTrue(volume.getEmptyDir() != null, "the catalogue's volume is not the pod's own emptyDir");
        assertTrue(volume.getEmptyDir().getSizeLimit() != null
                && volume.getEmptyDir().getSizeLimit().getNumericalAmount().longValue() >= 3L * 550 << 20,
                "the catalogue's emptyDir holds less than three generations of 1,000,000 products (550 MiB each)");
    }

    @Test
    void everyBrickMountsThePublicKeyAndOnlyCustomerServiceTheSigningKey() {
        Manifests prod = rendered("prod");
        for (String brick : Project.BRICKS) {
            Set<String> secrets = secretsMounted(deployment(prod, brick).getSpec().getTemplate().getSpec()).keySet();
            assertTrue(secrets.contains("bricks-jwt-public"), brick + " mounts " + secrets);
            assertEquals(brick.equals("customer-service"), secrets.contains("bricks-jwt-private"), brick);
        }
    }

    /** The Secrets a pod mounts (plain or projected volumes), each with the keys it picks (none: all). */
    private static Map<String, Set<String>> secretsMounted(PodSpec pod) {
        Map<String, Set<String>> mounted = new TreeMap<>();
        for (Volume volume : pod.getVolumes()) {
            List<SecretProjection> sources = new ArrayList<>();
            if (volume.getSecret() != null) {
                sources.add(new SecretProjection(volume.getSecret().getItems(), volume.getSecret().getSecretName(),
                        volume.getSecret().getOptional()));
            }
            if (volume.getProjected() != null) {
                volume.getProjected().getSources().stream().map(VolumeProjection::getSecret).filter(Objects::nonNull)
                        .forEach(sources::add);
            }
            for (SecretProjection source : sources) {
                Set<String> keys = mounted.computeIfAbsent(source.getName(), k -> new TreeSet<>());
                if (source.getItems() != null) {
                    source.getItems().forEach(item -> keys.add(item.getKey()));
                }
            }
        }
        return mounted;
    }

    /**
     * Secrets are never committed: each one a brick uses is either created by an operator
     * ({@code <cluster>-app} by CloudNativePG) or by a {@code kubectl create secret} recipe in the
     * README that provides every key the manifests read.
     */
    @Test
    void everySecretABrickUsesIsCreatedByAnOperatorOrByTheReadmeRecipe() throws IOException {
        Manifests prod = rendered("prod");
        String readme = Files.readString(Project.k8s().resolve("README.md"), StandardCharsets.UTF_8)
                .replace("\\\n", " ");
        Set<String> operatorSecrets = prod.custom("Cluster").stream().map(c -> c.getMetadata().getName() + "-app")
                .collect(Collectors.toSet());
        Map<String, Set<String>> used = new TreeMap<>();
        for (String brick : Project.BRICKS) {
            PodSpec pod = deployment(prod, brick).getSpec().getTemplate().getSpec();
            secretsMounted(pod).forEach((secret, keys) -> used.computeIfAbsent(secret, k -> new TreeSet<>())
                    .addAll(keys));
            for (Container container : pod.getContainers()) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        used.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
                    }
                }
                for (EnvFromSource source : container.getEnvFrom()) {
                    if (source.getSecretRef() != null) {
                        used.computeIfAbsent(source.getSecretRef().getName(), k -> new TreeSet<>());
                    }
                }
            }
        }
        List<String> problems = new ArrayList<>();
        used.forEach((secret, keys) -> {
            if (prod.named(Secret.class, secret).isPresent() || operatorSecrets.contains(secret)) {
                return;
            }
            Matcher recipe = Pattern.compile(
                    "kubectl[^\\n]*create secret generic " + Pattern.quote(secret) + "\\s[^\\n]*").matcher(readme);
            if (!recipe.find()) {
                problems.add(secret + " is neither in the manifests, nor made by an operator,"
                        + " nor created by a recipe in k8s/README.md");
                return;
            }
            String line = recipe.group();
            keys.stream().filter(key -> !line.matches(".*--from-(file|literal)=" + Pattern.quote(key) + "[=\\s].*")
                            && !line.matches(".*--from-(file|literal)=" + Pattern.quote(key) + "$"))
                    .forEach(key -> problems.add("the README's recipe for " + secret + " does not provide key " + key));
        });
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyBrickHasADisruptionBudgetThatKeepsAReplicaServingAndLetsANodeDrain(String overlay) {
        Manifests manifests = rendered(overlay);
        for (String brick : Project.BRICKS) {
            PodDisruptionBudget pdb = manifests.named(PodDisruptionBudget.class, brick).orElseThrow();
            // With two replicas, one may go and one keeps serving; minAvailable would block a drain
            // whenever the HPA runs the brick at its minimum.
            assertEquals(new IntOrString(1), pdb.getSpec().getMaxUnavailable(), brick);
            assertNull(pdb.getSpec().getMinAvailable(), brick);
            assertEquals("AlwaysAllow", pdb.getSpec().getUnhealthyPodEvictionPolicy(), brick);
        }
    }

    /**
     * Each brick's memory limit comes from a measurement: at least 1.25 x the RSS that BENCHMARKS.md
     * recorded, with the heap it was measured with (-Xmx320m).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyBricksMemoryLimitHoldsItsMeasuredRssWithTheMeasuredHeap(String overlay) throws IOException {
        String benchmarks = Files.readString(Project.root().resolve("BENCHMARKS.md"), StandardCharsets.UTF_8);
        Matcher heap = Pattern.compile("The bricks run with\\s+`-Xms\\d+m -Xmx(\\d+)m`").matcher(benchmarks);
        assertTrue(heap.find(), "BENCHMARKS.md no longer says which heap the bricks were measured with");
        Matcher row = Pattern.compile("\\| RSS after the run \\| ([^|]+)\\|").matcher(benchmarks);
        assertTrue(row.find(), "BENCHMARKS.md has no RSS row");
        Manifests manifests = rendered(overlay);
        for (String brick : Project.BRICKS) {
            String shortName = brick.replace("-service", "");
            Matcher rss = Pattern.compile(shortName + " (\\d+)").matcher(row.group(1));
            assertTrue(rss.find(), "BENCHMARKS.md has no RSS for " + brick);
            long measured = Long.parseLong(rss.group(1)) << 20;
            Container container = brickContainer(manifests, brick);
            assertEquals(Optional.of(Long.parseLong(heap.group(1)) << 20), RolloutChecks.heapBytes(container),
                    brick + " runs another heap than the one measured");
            long limit = Quantity.getAmountInBytes(container.getResources().getLimits().get("memory")).longValue();
            assertTrue(limit >= measured * 5 / 4, brick + ": limit " + (limit >> 20) + " MiB is below 1.25 x the"
                    + " measured RSS of " + (measured >> 20) + " MiB");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void redisIsNotReadyWhileLoadingAndKeepsItsDataBelowTheLimit(String overlay) {
        Manifests manifests = rendered(overlay);
        Container redis = redis(manifests).getSpec().getTemplate().getSpec().getContainers().get(0);
        List<String> probe = redis.getReadinessProbe().getExec().getCommand();
        String script = probe.get(probe.size() - 1).replaceFirst(".*/", "");
        Set<String> ready = redisFile(manifests, script);
        // Without -e, redis-cli prints LOADING and exits 0 while Redis replays its AOF.
        assertTrue(ready.stream().filter(l -> l.contains("redis-cli")).allMatch(l -> l.contains("redis-cli -e ")),
                ready::toString);
        long maxmemory = redisFile(manifests, "redis.conf").stream().filter(l -> l.startsWith("maxmemory "))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) << 20).findFirst()
                .orElseThrow(() -> new AssertionError("redis.conf sets no maxmemory"));
        long limit = Quantity.getAmountInBytes(redis.getResources().getLimits().get("memory")).longValue();
        assertTrue(maxmemory <= limit * 2 / 3, "maxmemory leaves no room for the AOF rewrite under the limit");
        assertTrue(redisFile(manifests, "redis.conf").contains("maxmemory-policy noeviction"),
                "a full Redis must refuse writes, never evict carts");
    }

    /** The README's restore procedure applies these: the Clusters of the base, bootstrapped from the backup. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"customers", "orders"})
    void theRestoreManifestRebuildsTheClusterFromItsBackup(String name) throws IOException {
        Manifests restore = Manifests.parse(Files.readString(Project.k8s().resolve("restore/" + name + ".yaml"),
                StandardCharsets.UTF_8));
        assertEquals(List.of(), new ManifestChecks(restore, Map.of()).wellFormed());
        GenericKubernetesResource restored = cluster(restore, name);
        GenericKubernetesResource original = cluster(rendered("base"), name);
        String source = restored.get("spec", "bootstrap", "recovery", "source");
        Map<String, Object> origin = restored.<List<Map<String, Object>>>get("spec", "externalClusters").stream()
                .filter(c -> c.get("name").equals(source)).findFirst().orElseThrow();
        Map<?, ?> from = (Map<?, ?>) ((Map<?, ?>) origin.get("plugin")).get("parameters");
        Map<?, ?> to = (Map<?, ?>) restored.<List<Map<String, Object>>>get("spec", "plugins").get(0).get("parameters");
        Map<?, ?> archived = (Map<?, ?>) original.<List<Map<String, Object>>>get("spec", "plugins").get(0)
                .get("parameters");
        assertEquals(archived.get("barmanObjectName"), from.get("barmanObjectName"));
        assertEquals(name, from.get("serverName"), "the base backups and WAL are under the Cluster's name");
        assertFalse(Objects.equals(from.get("serverName"), to.get("serverName")),
                "the restored Cluster must not archive into the backup it restores");
        Map<String, Object> expected = new TreeMap<>(original.<Map<String, Object>>get("spec"));
        Map<String, Object> actual = new TreeMap<>(restored.<Map<String, Object>>get("spec"));
        for (String differs : List.of("bootstrap", "externalClusters", "plugins")) {
            expected.remove(differs);
            actual.remove(differs);
        }
        assertEquals(expected, actual, "the restored Cluster differs from the base's beyond its bootstrap");
    }

    @Test
    void theReadmeStatesTheSupportedVersionsAndHowToDeployRollBackAndRestore() throws IOException {
        String readme = Files.readString(Project.k8s().resolve("README.md"), StandardCharsets.UTF_8);
        for (String needed : List.of("Strimzi 1.0", "CloudNativePG 1.28", "Barman Cloud", "Gateway API",
                "kustomize edit set image", "$(git rev-parse --short HEAD)", "kubectl -n bricks rollout undo",
                "kubectl -n bricks rollout status", "X-Bricks-Build", "/q/health", "restore/customers.yaml",
                "apply set-last-applied", "bricks-tls", "backup-object-store", "STRIMZI_POD_SECURITY_PROVIDER_CLASS")) {
            assertTrue(readme.contains(needed), "k8s/README.md does not mention " + needed);
        }
        assertFalse(readme.contains("0.45 or newer"), "k8s/README.md still names Strimzi 0.45");
    }

    private static int topicPartitions(Manifests manifests, String topic) {
        return manifests.custom("KafkaTopic").stream()
                .filter(t -> topic.equals(t.get("spec", "topicName")))
                .map(t -> t.<Integer>get("spec", "partitions"))
                .findFirst().orElseThrow();
    }

    private static GenericKubernetesResource single(Manifests manifests, String kind) {
        List<GenericKubernetesResource> found = manifests.custom(kind);
        assertEquals(1, found.size(), "number of " + kind);
        return found.get(0);
    }

    private static GenericKubernetesResource cluster(Manifests manifests, String name) {
        return manifests.custom("Cluster").stream().filter(c -> name.equals(c.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no CloudNativePG Cluster " + name));
    }
}
