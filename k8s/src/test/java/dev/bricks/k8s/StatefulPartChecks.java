package dev.bricks.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the operators' resources must say beyond their schema: Kafka pinned to a version and given
 * guaranteed memory with a heap that fits it; every PostgreSQL cluster failing over only on quorum
 * evidence, archiving its WAL and taking scheduled base backups.
 */
final class StatefulPartChecks {

    static final String BARMAN_CLOUD = "barman-cloud.cloudnative-pg.io";

    private final Manifests manifests;

    StatefulPartChecks(Manifests manifests) {
        this.manifests = manifests;
    }

    List<String> all() {
        List<String> problems = new ArrayList<>();
        problems.addAll(kafkaIsPinnedAndSized());
        problems.addAll(postgresFailsOverOnQuorumOnly());
        problems.addAll(postgresIsBackedUp());
        return problems;
    }

    /** Kafka's version and metadata version are pinned; every JVM of the stack has a heap and limits. */
    List<String> kafkaIsPinnedAndSized() {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource kafka : manifests.custom("Kafka")) {
            String id = Manifests.id(kafka);
            for (String field : List.of("version", "metadataVersion")) {
                if (kafka.get("spec", "kafka", field) == null) {
                    problems.add(id + ": spec.kafka." + field
                            + " is not pinned, so an operator upgrade upgrades Kafka");
                }
            }
            Map<String, Object> entityOperator = kafka.get("spec", "entityOperator");
            if (entityOperator != null) {
                for (String operator : List.of("topicOperator", "userOperator")) {
                    if (entityOperator.get(operator) instanceof Map<?, ?> spec) {
                        jvmFitsItsLimit(problems, id + " spec.entityOperator." + operator, spec);
                    }
                }
            }
        }
        for (GenericKubernetesResource pool : manifests.custom("KafkaNodePool")) {
            Map<String, Object> spec = pool.get("spec");
            jvmFitsItsLimit(problems, Manifests.id(pool), spec == null ? Map.of() : spec);
        }
        return problems;
    }

    private static void jvmFitsItsLimit(List<String> problems, String what, Map<?, ?> spec) {
        Quantity request = quantity(spec, "resources", "requests", "memory");
        Quantity limit = quantity(spec, "resources", "limits", "memory");
        Object xmx = spec.get("jvmOptions") instanceof Map<?, ?> jvm ? jvm.get("-Xmx") : null;
        if (request == null || limit == null) {
            problems.add(what + ": no memory request and limit, so it runs BestEffort and is evicted first");
        }
        if (xmx == null) {
            problems.add(what + ": no jvmOptions -Xmx, so the heap is whatever the operator derives");
        } else if (limit != null && Quantity.getAmountInBytes(limit)
                .compareTo(Quantity.getAmountInBytes(new Quantity(xmx.toString().toUpperCase().replace("B", "")
                        .replaceAll("([KMG])$", "$1i")))) <= 0) {
            problems.add(what + ": heap " + xmx + " does not fit in the memory limit " + limit);
        }
    }

    private static Quantity quantity(Map<?, ?> spec, String... path) {
        Object node = spec;
        for (String step : path) {
            node = node instanceof Map<?, ?> map ? map.get(step) : null;
        }
        return node == null ? null : new Quantity(node.toString());
    }

    /**
     * Synchronous replication with a failover quorum (CloudNativePG 1.28+): a standby is promoted only
     * when the instances prove it has every acknowledged commit, and commits wait when no standby can
     * confirm them (dataDurability: required).
     */
    List<String> postgresFailsOverOnQuorumOnly() {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource cluster : manifests.custom("Cluster")) {
            String id = Manifests.id(cluster);
            Map<String, Object> synchronous = cluster.get("spec", "postgresql", "synchronous");
            if (synchronous == null) {
                problems.add(id + ": has no postgresql.synchronous, so a commit is acknowledged on the primary alone");
                continue;
            }
            if (!Boolean.TRUE.equals(synchronous.get("failoverQuorum"))) {
                problems.add(id + ": postgresql.synchronous.failoverQuorum is not true, so losing the primary and the"
                        + " standby that confirmed may promote one that lags behind");
            }
            if (!"required".equals(synchronous.get("dataDurability"))) {
                problems.add(id + ": postgresql.synchronous.dataDurability is not required, so commits are"
                        + " acknowledged on one copy when the standbys are gone");
            }
            Object number = synchronous.get("number");
            if (!(number instanceof Number n) || n.intValue() < 1) {
                problems.add(id + ": postgresql.synchronous.number is " + number + ", needs at least 1");
            }
        }
        return problems;
    }

    /**
     * Each cluster archives its WAL continuously through the Barman Cloud plugin to an ObjectStore of
     * the manifest, and a ScheduledBackup takes its base backups with the same plugin.
     */
    List<String> postgresIsBackedUp() {
        List<String> problems = new ArrayList<>();
        for (GenericKubernetesResource cluster : manifests.custom("Cluster")) {
            String id = Manifests.id(cluster);
            String name = cluster.getMetadata().getName();
            List<Map<String, Object>> plugins = Objects.requireNonNullElse(cluster.get("spec", "plugins"), List.of());
            Map<String, Object> archiver = plugins.stream()
                    .filter(p -> BARMAN_CLOUD.equals(p.get("name")) && Boolean.TRUE.equals(p.get("isWALArchiver")))
                    .findFirst().orElse(null);
            if (archiver == null) {
                problems.add(id + ": no plugin " + BARMAN_CLOUD + " with isWALArchiver: true, so no WAL is archived");
            } else {
                Object store = archiver.get("parameters") instanceof Map<?, ?> p ? p.get("barmanObjectName") : null;
                boolean exists = manifests.custom("ObjectStore").stream()
                        .anyMatch(o -> o.getMetadata().getName().equals(store));
                if (!exists) {
                    problems.add(id + ": archives to ObjectStore " + store + ", which is not in the manifest");
                }
            }
            boolean scheduled = manifests.custom("ScheduledBackup").stream()
                    .anyMatch(b -> name.equals(b.get("spec", "cluster", "name"))
                            && "plugin".equals(b.get("spec", "method"))
                            && BARMAN_CLOUD.equals(b.get("spec", "pluginConfiguration", "name")));
            if (!scheduled) {
                problems.add(id + ": no ScheduledBackup takes its base backups with the " + BARMAN_CLOUD + " plugin");
            }
        }
        return problems;
    }
}
