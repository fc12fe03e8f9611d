package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The operators' custom resources have no fabric8 model class, so their spelling is checked
 * against the top-level fields of the operators' CRD schemas (Strimzi v1beta2, CloudNativePG v1).
 * The field lists are the CRDs' own; a kind or API version not listed here is reported, so that a
 * new custom resource gets its fields listed too.
 */
final class CustomResourceFields {

    private static final Map<String, Set<String>> TOP_LEVEL = Map.of(
            "kafka.strimzi.io/v1beta2 Kafka spec", Set.of("kafka", "zookeeper", "entityOperator", "clusterCa",
                    "clientsCa", "cruiseControl", "kafkaExporter", "maintenanceTimeWindows", "jmxTrans"),
            "kafka.strimzi.io/v1beta2 Kafka spec.kafka", Set.of("version", "metadataVersion", "replicas", "image",
                    "listeners", "config", "storage", "authorization", "rack", "brokerRackInitImage",
                    "livenessProbe", "readinessProbe", "jvmOptions", "jmxOptions", "resources", "metricsConfig",
                    "logging", "template", "tieredStorage", "quotas"),
            "kafka.strimzi.io/v1beta2 KafkaNodePool spec", Set.of("replicas", "storage", "roles", "resources",
                    "jvmOptions", "template"),
            "kafka.strimzi.io/v1beta2 KafkaTopic spec", Set.of("topicName", "partitions", "replicas", "config"),
            "postgresql.cnpg.io/v1 Cluster spec", Set.of("description", "inheritedMetadata", "imageName",
                    "imageCatalogRef", "imagePullPolicy", "imagePullSecrets", "schedulerName", "postgresUID",
                    "postgresGID", "instances", "minSyncReplicas", "maxSyncReplicas", "postgresql", "replicationSlots",
                    "bootstrap", "replica", "superuserSecret", "enableSuperuserAccess", "certificates",
                    "storage", "serviceAccountTemplate", "walStorage", "ephemeralVolumeSource", "startDelay",
                    "stopDelay", "smartShutdownTimeout", "switchoverDelay", "failoverDelay", "livenessProbeTimeout",
                    "affinity", "topologySpreadConstraints", "resources", "ephemeralVolumesSizeLimit",
                    "priorityClassName", "primaryUpdateStrategy", "primaryUpdateMethod", "backup",
                    "nodeMaintenanceWindow", "monitoring", "externalClusters", "logLevel", "projectedVolumeTemplate",
                    "env", "envFrom", "managed", "seccompProfile", "tablespaces", "enablePDB", "plugins",
                    "probes", "podSecurityContext", "securityContext"),
            "postgresql.cnpg.io/v1 Cluster spec.postgresql", Set.of("parameters", "synchronous", "pg_hba",
                    "pg_ident", "syncReplicaElectionConstraint", "shared_preload_libraries", "ldap",
                    "promotionTimeout", "enableAlterSystem", "extensions"),
            "postgresql.cnpg.io/v1 Cluster spec.bootstrap", Set.of("initdb", "recovery", "pg_basebackup"));

    private CustomResourceFields() {
    }

    static List<String> check(GenericKubernetesResource resource) {
        List<String> problems = new ArrayList<>();
        String type = resource.getApiVersion() + " " + resource.getKind();
        if (!TOP_LEVEL.containsKey(type + " spec")) {
            problems.add(Manifests.id(resource) + ": " + type
                    + " is neither a Kubernetes kind nor a known custom resource");
            return problems;
        }
        TOP_LEVEL.forEach((where, allowed) -> {
            if (!where.startsWith(type + " ")) {
                return;
            }
            String path = where.substring(type.length() + 1);
            Object node = resource.getAdditionalProperties();
            for (String step : path.split("\\.")) {
                node = node instanceof Map<?, ?> map ? map.get(step) : null;
            }
            if (node instanceof Map<?, ?> fields) {
                fields.keySet().stream()
                        .filter(key -> !allowed.contains(String.valueOf(key)))
                        .forEach(key -> problems.add(Manifests.id(resource) + "." + path + "." + key
                                + " is not a field of " + type));
            }
        });
        return problems;
    }
}
