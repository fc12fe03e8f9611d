package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks catch broken manifests: each test breaks a good manifest in one way. */
class ManifestChecksTest {

    private static final ApplicationConfig CATALOG = ApplicationConfig.parse("catalog-service", """
            quarkus.http.port=${BRICKS_HTTP_PORT:8101}
            kafka.bootstrap.servers=${BRICKS_KAFKA_BOOTSTRAP:127.0.0.1:19092}
            mp.jwt.verify.publickey.location=${BRICKS_JWT_PUBLIC_KEY:var/jwt/publicKey.pem}
            """);

    private static final String GOOD = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: catalog-config
            data:
              BRICKS_HTTP_PORT: "8080"
              BRICKS_KAFKA_BOOTSTRAP: bricks-kafka-bootstrap:9092
              BRICKS_JWT_PUBLIC_KEY: /etc/bricks/jwt/publicKey.pem
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: catalog-service
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: catalog-service
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: catalog-service
                spec:
                  containers:
                    - name: catalog-service
                      image: bricks/catalog-service:1
                      ports:
                        - name: http
                          containerPort: 8080
                      envFrom:
                        - configMapRef:
                            name: catalog-config
                      startupProbe:
                        httpGet:
                          path: /q/health/started
                          port: http
                      readinessProbe:
                        httpGet:
                          path: /q/health/ready
                          port: http
                      livenessProbe:
                        httpGet:
                          path: /q/health/live
                          port: 8080
                      volumeMounts:
                        - name: tmp
                          mountPath: /tmp
                  volumes:
                    - name: tmp
                      emptyDir: {}
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: catalog-service
            spec:
              selector:
                app.kubernetes.io/name: catalog-service
              ports:
                - name: http
                  port: 80
                  targetPort: http
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: catalog-service
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: catalog-service
              minReplicas: 2
              maxReplicas: 10
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: catalog-service
            spec:
              maxUnavailable: 1
              selector:
                matchLabels:
                  app.kubernetes.io/name: catalog-service
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: catalog-generations
            spec:
              topicName: catalog.generations
              partitions: 1
              replicas: 3
              config:
                min.insync.replicas: 2
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: Kafka
            metadata:
              name: bricks
            spec:
              kafka:
                config:
                  default.replication.factor: 3
                  min.insync.replicas: 2
                  offsets.topic.replication.factor: 3
                  transaction.state.log.replication.factor: 3
                  transaction.state.log.min.isr: 2
                template:
                  podDisruptionBudget:
                    maxUnavailable: 1
            ---
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaNodePool
            metadata:
              name: dual-role
              labels:
                strimzi.io/cluster: bricks
            spec:
              replicas: 3
              roles: [controller, broker]
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: customers
            spec:
              instances: 3
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: redis
            spec:
              serviceName: redis-headless
              replicas: 3
              selector:
                matchLabels:
                  app.kubernetes.io/name: redis
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: redis
                spec:
                  containers:
                    - name: redis
                      image: redis:7.4
                      ports:
                        - name: redis
                          containerPort: 6379
                    - name: sentinel
                      image: redis:7.4
                      ports:
                        - name: sentinel
                          containerPort: 26379
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata:
              name: redis
            spec:
              minAvailable: 2
              selector:
                matchLabels:
                  app.kubernetes.io/name: redis
            """;

    private static List<String> problems(String yaml) {
        return new ManifestChecks(Manifests.parse(yaml), Map.of("catalog-service", CATALOG)).all();
    }

    private static String broken(String from, String to) {
        assertTrue(GOOD.contains(from), "the fixture contains " + from);
        return GOOD.replace(from, to);
    }

    private static void assertCaught(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem mentioning '" + expected + "', got " + problems);
    }

    @Test
    void aCorrectManifestPassesEveryCheck() {
        assertEquals(List.of(), problems(GOOD));
    }

    @Test
    void aMisspelledProbeFieldIsCaught() {
        assertCaught(problems(broken("readinessProbe:", "readinesProbe:")),
                "containers[0].readinesProbe is not a field of Container");
    }

    @Test
    void aMisspelledFieldDeepInsideTheObjectIsCaught() {
        assertCaught(problems(broken("mountPath: /tmp", "mountPth: /tmp")),
                "volumeMounts[0].mountPth is not a field of VolumeMount");
    }

    @Test
    void aMisspelledFieldOfACustomResourceIsCaught() {
        assertCaught(problems(broken("partitions: 1", "partition: 1")),
                "spec.partition is not a field of kafka.strimzi.io/v1beta2 KafkaTopic");
    }

    @Test
    void aValueOfTheWrongTypeIsCaught() {
        assertCaught(problems(broken("\n  replicas: 2\n", "\n  replicas: two\n")), "does not fit the Kubernetes model");
    }

    @Test
    void anUnknownKindIsCaught() {
        assertCaught(problems(broken("kind: KafkaTopic", "kind: KafkaTopik")),
                "is neither a Kubernetes kind nor a known custom resource");
    }

    @Test
    void aDeploymentSelectorMatchingNoPodLabelIsCaught() {
        String yaml = GOOD.replaceFirst(
                "(?s)(template:\\s+metadata:\\s+labels:\\s+app.kubernetes.io/name: )catalog-service", "$1catalog");
        assertCaught(problems(yaml), "Deployment/catalog-service: selector");
    }

    @Test
    void aServiceSelectingNoPodIsCaught() {
        String yaml = GOOD.replaceFirst("(?s)(kind: Service.*?app.kubernetes.io/name: )catalog-service",
                "$1katalog-service");
        assertCaught(problems(yaml),
                "Service/catalog-service: selector {app.kubernetes.io/name=katalog-service} matches no Deployment");
    }

    @Test
    void aServiceTargetingAPortNameNoContainerHasIsCaught() {
        assertCaught(problems(broken("targetPort: http", "targetPort: web")), "targets 'web', which no container");
    }

    @Test
    void aServiceTargetingAPortNumberNoContainerHasIsCaught() {
        assertCaught(problems(broken("targetPort: http", "targetPort: 8081")), "targets 8081, which no container");
    }

    @Test
    void aProbeOnAPathTheApplicationDoesNotServeIsCaught() {
        assertCaught(problems(broken("path: /q/health/ready", "path: /health/ready")),
                "readinessProbe asks for /health/ready, the application serves /q/health/ready");
    }

    @Test
    void aLivenessProbeOnTheReadinessPathIsCaught() {
        assertCaught(problems(broken("path: /q/health/live", "path: /q/health/ready")),
                "livenessProbe asks for /q/health/ready, the application serves /q/health/live");
    }

    @Test
    void aContainerPortTheApplicationDoesNotListenOnIsCaught() {
        assertCaught(problems(broken("BRICKS_HTTP_PORT: \"8080\"", "BRICKS_HTTP_PORT: \"9090\"")),
                "the application listens on 9090, which the container does not expose");
    }

    @Test
    void anEnvironmentVariableTheApplicationDoesNotReadIsCaught() {
        String yaml = broken("  BRICKS_HTTP_PORT:", "  BRICKS_REDIS_URL: redis://redis:6379\n  BRICKS_HTTP_PORT:");
        assertCaught(problems(yaml), "sets BRICKS_REDIS_URL, which catalog-service does not read");
    }

    @Test
    void aMisspelledEnvironmentVariableIsCaughtAndItsLocalDefaultReported() {
        List<String> problems = problems(broken("BRICKS_KAFKA_BOOTSTRAP:", "BRICKS_KAFKA_BOOTSTRAPS:"));
        assertCaught(problems, "sets BRICKS_KAFKA_BOOTSTRAPS, which catalog-service does not read");
        assertCaught(problems,
                "does not set BRICKS_KAFKA_BOOTSTRAP, whose default only works on a developer's machine");
    }

    @Test
    void aMissingConfigMapIsCaught() {
        assertCaught(problems(broken("name: catalog-config\ndata", "name: catalog-settings\ndata")),
                "takes its environment from ConfigMap catalog-config, which does not exist");
    }

    @Test
    void aBrickWithoutAutoscalerIsCaught() {
        String yaml = broken("kind: HorizontalPodAutoscaler",
                        "kind: ConfigMap\ndata: {}\nx-was: HorizontalPodAutoscaler")
                .replaceAll("(?s)---\\s*apiVersion: autoscaling/v2.*?maxReplicas: 10\n", "");
        assertCaught(problems(yaml), "catalog-service has no HorizontalPodAutoscaler");
    }

    @Test
    void aBrickWithoutDisruptionBudgetIsCaught() {
        String yaml = GOOD.replaceAll("(?s)---\\s*apiVersion: policy/v1.*?name: catalog-service\n(?=---)", "");
        assertCaught(problems(yaml), "catalog-service has no PodDisruptionBudget");
    }

    @Test
    void aDisruptionBudgetMatchingNoPodIsCaught() {
        String yaml = GOOD.replaceFirst(
                "(?s)(maxUnavailable: 1\\s+selector:\\s+matchLabels:\\s+app.kubernetes.io/name: )catalog-service",
                "$1cart-service");
        assertCaught(problems(yaml), "PodDisruptionBudget/catalog-service: selector");
    }

    @Test
    void aBrickWithASingleReplicaIsCaught() {
        assertCaught(problems(broken("\n  replicas: 2\n", "\n  replicas: 1\n")),
                "Deployment/catalog-service: runs 1 replica(s); a brick needs at least 2");
    }

    @Test
    void aBrickWithoutReplicaCountRunsOneAndIsCaught() {
        assertCaught(problems(broken("\n  replicas: 2\n", "\n")), "Deployment/catalog-service: runs 1 replica(s)");
    }

    @Test
    void anAutoscalerThatMayShrinkABrickToOneReplicaIsCaught() {
        assertCaught(problems(broken("minReplicas: 2", "minReplicas: 1")),
                "HorizontalPodAutoscaler/catalog-service: may scale catalog-service down to 1 replica(s)");
    }

    @Test
    void aKafkaTopicWithFewerThanThreeReplicasIsCaught() {
        assertCaught(problems(broken("partitions: 1\n  replicas: 3", "partitions: 1\n  replicas: 2")),
                "KafkaTopic/catalog-generations: replicas is 2, needs at least 3");
    }

    @Test
    void aKafkaTopicAcknowledgingOnASingleReplicaIsCaught() {
        assertCaught(problems(broken("min.insync.replicas: 2", "min.insync.replicas: 1")),
                "KafkaTopic/catalog-generations: config.min.insync.replicas is 1, needs at least 2");
    }

    @Test
    void aKafkaTopicLeavingMinInsyncReplicasToTheBrokerIsCaught() {
        assertCaught(problems(broken("  config:\n    min.insync.replicas: 2\n", "")),
                "KafkaTopic/catalog-generations: config.min.insync.replicas is not set");
    }

    @Test
    void aKafkaWhoseStateTopicsAcknowledgeOnOneBrokerIsCaught() {
        assertCaught(problems(broken("transaction.state.log.min.isr: 2", "transaction.state.log.min.isr: 1")),
                "Kafka/bricks: config transaction.state.log.min.isr is 1, needs at least 2");
    }

    @Test
    void aKafkaOfTwoNodesIsCaught() {
        assertCaught(problems(broken("  replicas: 3\n  roles:", "  replicas: 2\n  roles:")),
                "KafkaNodePool/dual-role: replicas is 2, needs at least 3");
    }

    @Test
    void aStrimziDisruptionBudgetThatLetsADrainBreakTheKafkaQuorumIsCaught() {
        assertCaught(problems(broken("    maxUnavailable: 1\n", "    maxUnavailable: 2\n")),
                "Kafka/bricks spec.kafka.template.podDisruptionBudget: lets a drain leave 1 of 3 members");
    }

    @Test
    void aPostgresClusterWithoutStandbysIsCaught() {
        assertCaught(problems(broken("instances: 3", "instances: 1")),
                "Cluster/customers: instances is 1, needs at least 3");
    }

    @Test
    void aRedisOfFewerThanThreePodsIsCaught() {
        String yaml = broken("serviceName: redis-headless\n  replicas: 3",
                "serviceName: redis-headless\n  replicas: 2");
        assertCaught(problems(yaml), "StatefulSet/redis: replicas is 2, needs at least 3");
    }

    @Test
    void aRedisWithoutSentinelIsCaught() {
        String yaml = GOOD.replaceFirst("(?s)\\s+- name: sentinel\n.*?containerPort: 26379", "");
        assertFalse(yaml.contains("26379"), "the fixture lost its sentinel");
        assertCaught(problems(yaml), "StatefulSet/redis: no container runs a Sentinel (port 26379)");
    }

    @Test
    void aDisruptionBudgetThatLetsADrainBreakTheRedisQuorumIsCaught() {
        assertCaught(problems(broken("minAvailable: 2", "minAvailable: 1")),
                "PodDisruptionBudget/redis: lets a drain leave 1 of 3 members, below the majority of 2");
    }

    @Test
    void aDisruptionBudgetLettingTwoOfThreeRedisPodsGoIsCaught() {
        assertCaught(problems(broken("minAvailable: 2", "maxUnavailable: 2")),
                "PodDisruptionBudget/redis: lets a drain leave 1 of 3 members");
        assertCaught(problems(broken("minAvailable: 2", "maxUnavailable: 50%")),
                "PodDisruptionBudget/redis: lets a drain leave 1 of 3 members");
    }

    @Test
    void aRedisWithoutDisruptionBudgetIsCaught() {
        String yaml = GOOD.replaceAll(
                "(?s)---\\s*apiVersion: policy/v1\\s+kind: PodDisruptionBudget\\s+metadata:\\s+name: redis\n.*", "");
        assertCaught(problems(yaml), "StatefulSet/redis has no PodDisruptionBudget");
    }

    @Test
    void theSharedNothingBrickWithAVolumeClaimIsCaught() {
        String yaml = broken("emptyDir: {}", "persistentVolumeClaim:\n                        claimName: catalog-data");
        assertCaught(problems(yaml), "volume tmp claims a persistent volume");
    }
}
