package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shop's monitoring, checked offline: the Prometheus rules pass their promtool unit tests
 * (infra/prometheus/rules-test.yml), the Kubernetes PrometheusRule holds exactly those rules, the
 * PodMonitor reaches every brick's metrics, and every dashboard expression parses and reads only
 * series that the bricks export or the rules record. Without promtool or kubectl the checks that
 * need them are skipped on a developer's machine and fail on CI ({@code CI=true}).
 */
class MonitoringTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private static final Path PROMETHEUS = Project.root().resolve("infra/prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules/bricks.yml");
    private static final Path MONITORING = Project.k8s().resolve("monitoring");

    /**
     * The series the rules read, each with where the bricks (or the servers) export it: a file of the
     * project and the text in it that registers the meter or turns the binder on.
     */
    private static final Map<String, String[]> EXPORTED = Map.ofEntries(
            Map.entry("http_server_requests_seconds_count", evidence("shared-contracts/src/main/java/dev/bricks"
                    + "/contracts/metrics/RequestLatencyBuckets.java", "http.server.requests")),
            Map.entry("http_server_requests_seconds_bucket", evidence("shared-contracts/src/main/java/dev/bricks"
                    + "/contracts/metrics/RequestLatencyBuckets.java", "serviceLevelObjectives")),
            Map.entry("cache_gets_total", evidence("catalog-service/src/main/resources/application.properties",
                    "quarkus.cache.caffeine.\"catalog-products\".metrics-enabled=true")),
            Map.entry("catalog_generation_active", evidence("catalog-service/src/main/java/dev/bricks/catalog"
                    + "/generation/GenerationRegistry.java", "\"catalog.generation.active\"")),
            Map.entry("bricks_cart_checkouts_total", evidence("cart-service/src/main/java/dev/bricks/cart"
                    + "/checkout/CheckoutService.java", "\"bricks.cart.checkouts\"")),
            Map.entry("orders_drained_total", evidence("order-service/src/main/java/dev/bricks/order/drain"
                    + "/OrderDrain.java", "\"orders.drained\"")),
            Map.entry("orders_drain_oldest_unstored_age_seconds", evidence("order-service/src/main/java/dev"
                    + "/bricks/order/drain/OrderDrain.java", "\"orders.drain.oldest.unstored.age\"")),
            Map.entry("kafka_consumer_fetch_manager_records_lag", evidence(
                    "order-service/src/main/resources/application.properties",
                    "quarkus.micrometer.binder.kafka.enabled=true")),
            // Prometheus' own series of every target, and Patroni's /metrics (the local stack only)
            Map.entry("up", evidence("infra/prometheus/prometheus.yml.tmpl", "job_name: bricks")),
            Map.entry("patroni_primary", evidence("infra/prometheus/prometheus.yml.tmpl", "job_name: patroni")));

    private static String[] evidence(String file, String text) {
        return new String[] {file, text};
    }

    // --- the rules ---------------------------------------------------------------------------------

    @Test
    void everyAlertFiresOnItsFailureAndStaysSilentOnAHealthyShop() {
        Promtool.Result result = promtool(PROMETHEUS, "test", "rules", "rules-test.yml");
        assertEquals(0, result.exitCode(), () -> "promtool test rules:\n" + result.output());
    }

    @Test
    void theRulesAreValid() {
        Promtool.Result result = promtool(PROMETHEUS, "check", "rules", RULES.toString());
        assertEquals(0, result.exitCode(), () -> "promtool check rules:\n" + result.output());
    }

    @Test
    void everyAlertHasATestWhereItFiresAndOneWhereItStaysSilent() {
        JsonNode tests = yaml(PROMETHEUS.resolve("rules-test.yml"));
        Set<String> firing = new TreeSet<>();
        Set<String> silent = new TreeSet<>();
        for (JsonNode test : tests.path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                String alert = check.path("alertname").asText();
                (check.path("exp_alerts").isEmpty() ? silent : firing).add(alert);
            }
        }
        Set<String> alerts = alerts();
        assertFalse(alerts.isEmpty());
        assertEquals(alerts, firing, "alerts with a test where they fire");
        assertEquals(alerts, silent, "alerts with a test where they stay silent");
        assertEquals(List.of("bricks-recorded", "bricks-alerts"),
                names(tests.path("group_eval_order")), "recorded series before the alerts that read them");
    }

    @Test
    void theRulesReadOnlySeriesTheBricksExportOrTheRulesRecord() throws IOException {
        Set<String> known = new HashSet<>(recorded());
        for (Map.Entry<String, String[]> exported : EXPORTED.entrySet()) {
            Path file = Project.root().resolve(exported.getValue()[0]);
            assertTrue(Files.readString(file).contains(exported.getValue()[1]),
                    exported.getKey() + ": " + file + " no longer has " + exported.getValue()[1]);
            known.add(exported.getKey());
        }
        List<String> unknown = new ArrayList<>();
        for (String expression : ruleExpressions()) {
            PromQl.metricNames(expression).stream().filter(name -> !known.contains(name))
                    .forEach(name -> unknown.add(name + " in " + expression));
        }
        assertEquals(List.of(), unknown, "series nobody exports");
    }

    // --- Kubernetes --------------------------------------------------------------------------------

    @Test
    void thePrometheusRuleHoldsExactlyTheRulesOfTheLocalPrometheus() {
        JsonNode rule = yaml(MONITORING.resolve("prometheus-rule.yaml"));
        assertEquals("monitoring.coreos.com/v1", rule.path("apiVersion").asText());
        assertEquals("PrometheusRule", rule.path("kind").asText());
        JsonNode expected = yaml(RULES).path("groups");
        JsonNode actual = rule.path("spec").path("groups");
        assertTrue(expected.equals(actual), () -> "k8s/monitoring/prometheus-rule.yaml differs from"
                + " infra/prometheus/rules/bricks.yml in " + differingRules(expected, actual)
                + ": run k8s/monitoring/sync-rules.sh");
    }

    private static Set<String> differingRules(JsonNode expected, JsonNode actual) {
        Set<String> differing = new TreeSet<>();
        Set<JsonNode> actualRules = new HashSet<>();
        actual.forEach(group -> group.path("rules").forEach(actualRules::add));
        expected.forEach(group -> group.path("rules").forEach(r -> {
            if (!actualRules.contains(r)) {
                differing.add(r.has("alert") ? r.path("alert").asText() : r.path("record").asText());
            }
        }));
        return differing.isEmpty() ? Set.of("its groups") : differing;
    }

    @Test
    void theMonitoringKustomizationRendersKnownObjectsThatReachEveryBrick() {
        Manifests monitoring = Manifests.parse(render(MONITORING));
        Manifests base = Manifests.parse(render(Project.base()));
        assertEquals(List.of(), monitoring.problems());
        List<String> problems = new ArrayList<>();
        for (HasMetadata object : monitoring.all()) {
            problems.addAll(UnknownFields.in(object));
        }
        List<GenericKubernetesResource> podMonitors = monitoring.custom("PodMonitor");
        assertEquals(1, podMonitors.size(), "one PodMonitor");
        assertEquals(1, monitoring.custom("PrometheusRule").size(), "one PrometheusRule");
        for (GenericKubernetesResource custom : monitoring.ofType(GenericKubernetesResource.class)) {
            problems.addAll(monitoringFields(custom));
        }
        JsonNode podMonitor = JSON.valueToTree(podMonitors.get(0).getAdditionalProperties());
        problems.addAll(podMonitorReachesEveryBrick(podMonitor.path("spec"), base));
        assertEquals(List.of(), problems, () -> String.join("\n", problems));

        ConfigMap dashboards = monitoring.named(ConfigMap.class, "bricks-dashboards")
                .orElseThrow(() -> new AssertionError("no ConfigMap bricks-dashboards"));
        assertEquals("1", dashboards.getMetadata().getLabels().get("grafana_dashboard"));
        assertEquals(Project.BRICKS.stream().map(MonitoringTest::brickName).map(b -> b + ".json")
                .collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(dashboards.getData().keySet()));
    }

    private static List<String> podMonitorReachesEveryBrick(JsonNode spec, Manifests base) {
        List<String> problems = new ArrayList<>();
        LabelSelector selector = SERIALIZATION.convertValue(spec.path("selector"), LabelSelector.class);
        JsonNode endpoint = spec.path("podMetricsEndpoints").path(0);
        Pattern brickOf = Pattern.compile(relabeling(spec, "brick").path("regex").asText());
        for (String brick : Project.BRICKS) {
            Deployment deployment = base.named(Deployment.class, brick).orElseThrow();
            Map<String, String> labels = ManifestChecks.labelsOf(deployment.getSpec().getTemplate());
            if (!ManifestChecks.matches(selector, labels)) {
                problems.add("the PodMonitor does not select the pods of " + brick + " " + labels);
            }
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            String port = endpoint.path("port").asText();
            if (container.getPorts().stream().noneMatch(p -> port.equals(p.getName()))) {
                problems.add("the PodMonitor scrapes port " + port + ", which " + brick + " does not name");
            }
            String path = ApplicationConfig.of(brick).metricsPath();
            if (!path.equals(endpoint.path("path").asText())) {
                problems.add("the PodMonitor scrapes " + endpoint.path("path").asText() + ", " + brick
                        + " serves its metrics on " + path);
            }
            Matcher name = brickOf.matcher(labels.getOrDefault("app.kubernetes.io/name", ""));
            if (!name.matches() || !brickName(brick).equals(name.group(1))) {
                problems.add(brick + "'s series would not get the label brick=\"" + brickName(brick) + "\"");
            }
        }
        if (relabeling(spec, "replica").isMissingNode()) {
            problems.add("the PodMonitor gives no replica label");
        }
        return problems;
    }

    private static JsonNode relabeling(JsonNode spec, String targetLabel) {
        for (JsonNode relabeling : spec.path("podMetricsEndpoints").path(0).path("relabelings")) {
            if (targetLabel.equals(relabeling.path("targetLabel").asText())) {
                return relabeling;
            }
        }
        return MissingNode.getInstance();
    }

    /** The fields of monitoring.coreos.com/v1 that these manifests may use (a misspelling is not ignored). */
    private static final Map<String, Set<String>> MONITORING_FIELDS = Map.of(
            "PodMonitor.spec", Set.of("selector", "namespaceSelector", "podMetricsEndpoints", "jobLabel",
                    "podTargetLabels", "sampleLimit"),
            "PodMonitor.spec.podMetricsEndpoints", Set.of("port", "path", "interval", "scrapeTimeout", "scheme",
                    "honorLabels", "relabelings", "metricRelabelings"),
            "PodMonitor.spec.podMetricsEndpoints.relabelings", Set.of("action", "sourceLabels", "separator", "regex",
                    "targetLabel", "replacement", "modulus"),
            "PrometheusRule.spec", Set.of("groups"),
            "PrometheusRule.spec.groups", Set.of("name", "interval", "limit", "rules"),
            "PrometheusRule.spec.groups.rules", Set.of("record", "alert", "expr", "for", "keep_firing_for",
                    "labels", "annotations"));

    private static List<String> monitoringFields(GenericKubernetesResource custom) {
        List<String> problems = new ArrayList<>();
        if (!"monitoring.coreos.com/v1".equals(custom.getApiVersion())
                || !Set.of("PodMonitor", "PrometheusRule").contains(custom.getKind())) {
            problems.add(Manifests.id(custom) + ": " + custom.getApiVersion() + " is not a PodMonitor or"
                    + " PrometheusRule of monitoring.coreos.com/v1");
            return problems;
        }
        JsonNode spec = JSON.valueToTree(custom.getAdditionalProperties()).path("spec");
        checkFields(Manifests.id(custom), custom.getKind() + ".spec", spec, problems);
        return problems;
    }

    private static void checkFields(String id, String path, JsonNode node, List<String> problems) {
        Set<String> allowed = MONITORING_FIELDS.get(path);
        if (allowed == null || !node.isObject()) {
            return;
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext();) {
            String field = fields.next();
            if (!allowed.contains(field)) {
                problems.add(id + ": unknown field " + path + "." + field);
                continue;
            }
            JsonNode value = node.get(field);
            for (JsonNode item : value.isArray() ? value : List.of(value)) {
                checkFields(id, path + "." + field, item, problems);
            }
        }
    }

    // --- dashboards --------------------------------------------------------------------------------

    @Test
    void everyDashboardExpressionParsesAndReadsKnownSeries() throws IOException {
        Set<String> known = new HashSet<>(recorded());
        known.addAll(EXPORTED.keySet());
        Map<String, String> expressions = new LinkedHashMap<>();
        Set<String> uids = new HashSet<>();
        for (String brick : Project.BRICKS) {
            Path file = MONITORING.resolve("dashboards/" + brickName(brick) + ".json");
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertTrue(uids.add(dashboard.path("uid").asText()), file + ": its uid is not unique");
            int panels = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    String expression = target.path("expr").asText();
                    expressions.put(file.getFileName() + " \"" + panel.path("title").asText() + "\"", expression);
                    PromQl.metricNames(expression).stream().filter(name -> !known.contains(name)).forEach(name ->
                            fail(file.getFileName() + " \"" + panel.path("title").asText() + "\" reads " + name
                                    + ", which no brick exports and no rule records"));
                    panels++;
                }
            }
            assertTrue(panels >= 6, file + ": requests, errors, p99 and the brick's own figures");
        }
        // promtool parses each expression as a recording rule (Grafana's variables replaced)
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
        int i = 0;
        for (String expression : expressions.values()) {
            rules.append("      - record: dashboard:expression").append(i++).append(":check\n")
                    .append("        expr: ").append(JSON.writeValueAsString(
                            expression.replace("$__rate_interval", "1m").replace("$__interval", "15s")))
                    .append('\n');
        }
        Path file = Files.createTempFile("dashboard-rules", ".yml");
        try {
            Files.writeString(file, rules, StandardCharsets.UTF_8);
            Promtool.Result result = promtool(PROMETHEUS, "check", "rules", file.toString());
            assertEquals(0, result.exitCode(), () -> "a dashboard expression does not parse:\n" + result.output()
                    + "\n" + expressions);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void metricNamesAreReadOutOfAnExpression() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), PromQl.metricNames(
                "histogram_quantile(0.99, sum by (brick, le) (rate(http_server_requests_seconds_bucket"
                        + "{brick!=\"\", le=~\"1.*\"}[5m])))"));
        assertEquals(Set.of("a_total", "b:c:rate1m", "up"), PromQl.metricNames(
                "count(count_values(\"generation\", a_total >= 0)) > 1 and on (brick) b:c:rate1m"
                        + " unless up offset 5m or vector(1e3)"));
    }

    // --- helpers -----------------------------------------------------------------------------------

    private static Promtool.Result promtool(Path directory, String... args) {
        if (Promtool.find().isEmpty() && Kustomize.required(System.getenv())) {
            fail("promtool is not installed and CI=true: the Prometheus rules must be tested on CI"
                    + " (apt-get install prometheus)");
        }
        assumeTrue(Promtool.find().isPresent(), "promtool is not installed: the Prometheus rules are not tested"
                + " (apt-get install prometheus)");
        return Promtool.run(directory, args);
    }

    private static String render(Path kustomization) {
        if (Kustomize.kubectl().isEmpty() && Kustomize.required(System.getenv())) {
            fail("kubectl is not installed and CI=true: the monitoring kustomization must be checked on CI");
        }
        assumeTrue(Kustomize.kubectl().isPresent(), "kubectl is not installed: k8s/monitoring is not rendered");
        return Kustomize.render(kustomization);
    }

    private static JsonNode yaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> rules() {
        List<JsonNode> rules = new ArrayList<>();
        yaml(RULES).path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules.stream();
    }

    private static Set<String> alerts() {
        return rules().filter(r -> r.has("alert")).map(r -> r.path("alert").asText())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> recorded() {
        return rules().filter(r -> r.has("record")).map(r -> r.path("record").asText()).collect(Collectors.toSet());
    }

    private static List<String> ruleExpressions() {
        return rules().map(r -> r.path("expr").asText()).toList();
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** catalog-service → catalog, the value of the series' brick label. */
    private static String brickName(String brick) {
        return brick.replace("-service", "");
    }
}
