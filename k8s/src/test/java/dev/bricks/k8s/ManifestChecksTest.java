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
            kind: Namespace
            metadata:
              name: shop
              labels:
                pod-security.kubernetes.io/enforce: restricted
                pod-security.kubernetes.io/enforce-version: v1.31
                pod-security.kubernetes.io/audit: restricted
                pod-security.kubernetes.io/warn: restricted
            ---
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
              selector:
                matchLabels:
                  app.kubernetes.io/name: catalog-service
              strategy:
                type: RollingUpdate
                rollingUpdate:
                  maxSurge: 1
                  maxUnavailable: 0
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: catalog-service
                spec:
                  terminationGracePeriodSeconds: 45
                  containers:
                    - name: catalog-service
                      image: registry.example.com/bricks/catalog-service:0a1b2c3
                      ports:
                        - name: http
                          containerPort: 8080
                      envFrom:
                        - configMapRef:
                            name: catalog-config
                      env:
                        - name: JDK_JAVA_OPTIONS
                          value: -Xms64m -Xmx320m
                      resources:
                        requests:
                          memory: 512Mi
                        limits:
                          memory: 512Mi
                      lifecycle:
                        preStop:
                          sleep:
                            seconds: 10
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
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata:
              name: shop
            spec:
              gatewayClassName: example
              listeners:
                - name: https
                  protocol: HTTPS
                  port: 443
                  tls:
                    mode: Terminate
                    certificateRefs:
                      - name: shop-tls
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata:
              name: shop
            spec:
              parentRefs:
                - name: shop
                  sectionName: https
              rules:
                - matches:
                    - path:
                        type: PathPrefix
                        value: /api/catalog
                  backendRefs:
                    - name: catalog-service
                      port: 80
                  timeouts:
                    request: 30s
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
              unhealthyPodEvictionPolicy: AlwaysAllow
            ---
            apiVersion: kafka.strimzi.io/v1
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
            apiVersion: kafka.strimzi.io/v1
            kind: Kafka
            metadata:
              name: bricks
            spec:
              kafka:
                version: 4.2.0
                metadataVersion: 4.2-IV1
                listeners:
                  - name: plain
                    port: 9092
                    type: internal
                    tls: false
                config:
                  default.replication.factor: 3
                  min.insync.replicas: 2
                  offsets.topic.replication.factor: 3
                  transaction.state.log.replication.factor: 3
                  transaction.state.log.min.isr: 2
                template:
                  podDisruptionBudget:
                    maxUnavailable: 1
              entityOperator:
                topicOperator:
                  resources:
                    requests:
                      memory: 384Mi
                    limits:
                      memory: 384Mi
                  jvmOptions:
                    -Xmx: 256m
            ---
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaNodePool
            metadata:
              name: dual-role
              labels:
                strimzi.io/cluster: bricks
            spec:
              replicas: 3
              roles: [controller, broker]
              storage:
                type: jbod
                volumes:
                  - id: 0
                    type: persistent-claim
                    size: 20Gi
              resources:
                requests:
                  memory: 2Gi
                limits:
                  memory: 2Gi
              jvmOptions:
                -Xms: 1g
                -Xmx: 1g
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: Cluster
            metadata:
              name: customers
            spec:
              instances: 3
              imageName: ghcr.io/cloudnative-pg/postgresql:17.6
              postgresql:
                synchronous:
                  method: any
                  number: 1
                  dataDurability: required
                  failoverQuorum: true
              plugins:
                - name: barman-cloud.cloudnative-pg.io
                  isWALArchiver: true
                  parameters:
                    barmanObjectName: backups
              bootstrap:
                initdb:
                  database: customers
                  owner: customers
              resources:
                requests:
                  memory: 512Mi
            ---
            apiVersion: postgresql.cnpg.io/v1
            kind: ScheduledBackup
            metadata:
              name: customers-nightly
            spec:
              schedule: "0 0 2 * * *"
              cluster:
                name: customers
              method: plugin
              pluginConfiguration:
                name: barman-cloud.cloudnative-pg.io
            ---
            apiVersion: barmancloud.cnpg.io/v1
            kind: ObjectStore
            metadata:
              name: backups
            spec:
              configuration:
                destinationPath: s3://backups/postgres
                s3Credentials:
                  accessKeyId:
                    name: backup-object-store
                    key: ACCESS_KEY_ID
                  secretAccessKey:
                    name: backup-object-store
                    key: ACCESS_SECRET_KEY
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
                      image: redis:7.4.6
                      ports:
                        - name: redis
                          containerPort: 6379
                    - name: sentinel
                      image: redis:7.4.6
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
              unhealthyPodEvictionPolicy: AlwaysAllow
            """;

    private static List<String> problems(String yaml) {
        return new ManifestChecks(Manifests.parse(yaml), Map.of("catalog-service", CATALOG)).all();
    }

    private static List<String> deployableProblems(String yaml) {
        return new ManifestChecks(Manifests.parse(yaml), Map.of("catalog-service", CATALOG)).deployable();
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
        assertEquals(List.of(), deployableProblems(GOOD));
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
                "KafkaTopic/catalog-generations: spec.partition is not a field of kafka.strimzi.io/v1");
    }

    @Test
    void aValueOfTheWrongTypeIsCaught() {
        assertCaught(problems(broken("containerPort: 8080", "containerPort: eighty")),
                "does not fit the Kubernetes model");
    }

    @Test
    void anUnknownKindIsCaught() {
        assertCaught(problems(broken("kind: KafkaTopic", "kind: KafkaTopik")), "KafkaTopik is not a Strimzi kind");
        assertCaught(problems(broken("apiVersion: v1\nkind: ConfigMap", "apiVersion: example.com/v1\nkind: Thing")),
                "example.com/v1 Thing is neither a Kubernetes kind nor a known custom resource");
    }

    @Test
    void aKafkaOfTheV1beta2ApiThatStrimzi1RemovedIsCaught() {
        String yaml = broken("apiVersion: kafka.strimzi.io/v1\nkind: Kafka\n",
                "apiVersion: kafka.strimzi.io/v1beta2\nkind: Kafka\n");
        assertCaught(problems(yaml),
                "Kafka/bricks: kafka.strimzi.io/v1beta2 is not served by Strimzi 1.0 and newer,"
                        + " use kafka.strimzi.io/v1");
    }

    @Test
    void aMisspelledFieldDeepInsideAKafkaIsCaughtByStrimzisModel() {
        assertCaught(problems(broken("        tls: false", "        tsl: false")),
                "Kafka/bricks: spec.kafka.listeners[0].tsl is not a field of kafka.strimzi.io/v1");
        assertCaught(problems(broken("        type: persistent-claim", "        type: persistent-claim\n"
                + "        deleteClam: false")), "spec.storage.volumes[0].deleteClam is not a field");
    }

    @Test
    void aKafkaFieldThatOnlyTheOldApiHadIsCaught() {
        // The v1 API moved replicas, storage and resources of the brokers to the KafkaNodePool.
        assertCaught(problems(broken("    version: 4.2.0\n", "    version: 4.2.0\n    replicas: 3\n")),
                "Kafka/bricks.spec.kafka.replicas is not in kafka.strimzi.io/v1 (only in v1beta2)");
        assertCaught(problems(broken("    version: 4.2.0\n", "    version: 4.2.0\n    resources:\n"
                + "      limits:\n        memory: 2Gi\n")), "spec.kafka.resources is not in kafka.strimzi.io/v1");
    }

    @Test
    void aMisspelledFieldDeepInsideAPostgresClusterIsCaught() {
        assertCaught(problems(broken("      failoverQuorum: true", "      failoverQuorm: true")),
                "Cluster/customers.spec.postgresql.synchronous.failoverQuorm is not a field of postgresql.cnpg.io/v1"
                        + " Cluster (CloudNativePG 1.28)");
        assertCaught(problems(broken("      owner: customers", "      ownr: customers")),
                "Cluster/customers.spec.bootstrap.initdb.ownr is not a field");
    }

    @Test
    void aMisspelledKubernetesFieldInsideAPostgresClusterIsCaught() {
        assertCaught(problems(broken("  resources:\n    requests:\n      memory: 512Mi",
                        "  resources:\n    requets:\n      memory: 512Mi")),
                "Cluster/customers.spec.resources.requets is not a field of ResourceRequirements");
    }

    @Test
    void aMisspelledFieldOfABackupResourceIsCaught() {
        assertCaught(problems(broken("    destinationPath:", "    destinationPth:")),
                "ObjectStore/backups.spec.configuration.destinationPth is not a field of barmancloud.cnpg.io/v1");
        assertCaught(problems(broken("  schedule: \"0 0 2 * * *\"", "  schedul: \"0 0 2 * * *\"")),
                "ScheduledBackup/customers-nightly.spec.schedul is not a field");
    }

    @Test
    void aClusterFieldWhoseSchemaIsNotTranscribedIsReportedRatherThanTrusted() {
        assertCaught(problems(broken("  instances: 3\n", "  instances: 3\n  monitoring:\n    enablePodMonitr: true\n")),
                "Cluster/customers.spec.monitoring is in the CloudNativePG 1.28 CRD but its fields are not in");
    }

    @Test
    void aDeploymentThatSetsReplicasUnderAnAutoscalerIsCaught() {
        assertCaught(problems(broken("  selector:\n    matchLabels:\n      app.kubernetes.io/name: catalog-service\n"
                        + "  strategy:", "  replicas: 4\n  selector:\n    matchLabels:\n"
                        + "      app.kubernetes.io/name: catalog-service\n  strategy:")),
                "Deployment/catalog-service: sets spec.replicas although HorizontalPodAutoscaler/catalog-service owns"
                        + " the count");
    }

    @Test
    void aRolloutThatMayStopAServingReplicaIsCaught() {
        assertCaught(problems(broken("maxUnavailable: 0", "maxUnavailable: 1")),
                "Deployment/catalog-service: a rollout may stop a serving replica before its replacement is ready");
    }

    @Test
    void aBrickWithoutPreStopDelayIsCaught() {
        assertCaught(problems(broken("                seconds: 10", "                seconds: 0")),
                "Deployment/catalog-service: no preStop sleep of at least 5 s");
    }

    @Test
    void aGracePeriodThatEndsBeforeTheLongestRequestIsCaught() {
        assertCaught(problems(broken("terminationGracePeriodSeconds: 45", "terminationGracePeriodSeconds: 30")),
                "terminationGracePeriodSeconds 30 does not cover the preStop delay (10 s)"
                        + " and the longest request (30 s)");
        assertCaught(problems(broken("request: 30s", "request: 1m")), "and the longest request (60 s)");
    }

    @Test
    void aRouteWithoutRequestTimeoutIsCaught() {
        assertCaught(problems(broken("      timeouts:\n        request: 30s\n", "")),
                "HTTPRoute/shop: a rule to catalog-service has no timeouts.request");
    }

    @Test
    void aRouteToAPortNoServiceHasIsCaught() {
        assertCaught(problems(broken("          port: 80\n      timeouts:", "          port: 8080\n      timeouts:")),
                "HTTPRoute/shop: sends requests to catalog-service:8080, which is no port of a Service");
        assertCaught(problems(broken("      sectionName: https", "      sectionName: http")),
                "HTTPRoute/shop: hangs on Gateway shop listener http, which does not exist");
    }

    @Test
    void aDisruptionBudgetThatKeepsUnhealthyPodsIsCaught() {
        assertCaught(problems(GOOD.replaceFirst("unhealthyPodEvictionPolicy: AlwaysAllow",
                        "unhealthyPodEvictionPolicy: IfHealthyBudget")),
                "PodDisruptionBudget/catalog-service: unhealthyPodEvictionPolicy is not AlwaysAllow");
    }

    @Test
    void aBrickWithoutExplicitHeapIsCaught() {
        assertCaught(problems(broken("value: -Xms64m -Xmx320m", "value: -Xms64m")),
                "Deployment/catalog-service: sets no -Xmx in JDK_JAVA_OPTIONS");
    }

    @Test
    void aHeapThatLeavesTheRestOfTheJvmNoRoomIsCaught() {
        assertCaught(problems(broken("value: -Xms64m -Xmx320m", "value: -Xms64m -Xmx448m")),
                "Deployment/catalog-service: memory limit 512Mi is below the heap (448 MiB) + 128 MiB");
    }

    @Test
    void anUnpinnedKafkaVersionIsCaught() {
        assertCaught(problems(broken("    metadataVersion: 4.2-IV1\n", "")),
                "Kafka/bricks: spec.kafka.metadataVersion is not pinned");
    }

    @Test
    void aKafkaNodePoolRunningBestEffortIsCaught() {
        String yaml = broken("  resources:\n    requests:\n      memory: 2Gi\n    limits:\n      memory: 2Gi\n", "");
        assertCaught(problems(yaml), "KafkaNodePool/dual-role: no memory request and limit, so it runs BestEffort");
    }

    @Test
    void aKafkaHeapAboveItsLimitIsCaught() {
        assertCaught(problems(broken("        -Xmx: 256m", "        -Xmx: 512m")),
                "Kafka/bricks spec.entityOperator.topicOperator: heap 512m does not fit in the memory limit 384Mi");
    }

    @Test
    void aPostgresClusterThatMayPromoteALaggingStandbyIsCaught() {
        assertCaught(problems(broken("failoverQuorum: true", "failoverQuorum: false")),
                "Cluster/customers: postgresql.synchronous.failoverQuorum is not true");
        assertCaught(problems(broken("dataDurability: required", "dataDurability: preferred")),
                "Cluster/customers: postgresql.synchronous.dataDurability is not required");
    }

    @Test
    void aPostgresClusterWithoutWalArchivingIsCaught() {
        assertCaught(problems(broken("isWALArchiver: true", "isWALArchiver: false")),
                "Cluster/customers: no plugin barman-cloud.cloudnative-pg.io with isWALArchiver: true");
        assertCaught(problems(broken("barmanObjectName: backups", "barmanObjectName: elsewhere")),
                "Cluster/customers: archives to ObjectStore elsewhere, which is not in the manifest");
    }

    @Test
    void aPostgresClusterWithoutScheduledBaseBackupsIsCaught() {
        assertCaught(problems(broken("  cluster:\n    name: customers", "  cluster:\n    name: orders")),
                "Cluster/customers: no ScheduledBackup takes its base backups");
    }

    @Test
    void aBrickImageNotTaggedWithACommitIsCaught() {
        assertCaught(deployableProblems(broken("catalog-service:0a1b2c3", "catalog-service:latest")), "runs latest");
        assertCaught(deployableProblems(broken("catalog-service:0a1b2c3", "catalog-service")), "has no tag");
        assertCaught(deployableProblems(broken("catalog-service:0a1b2c3", "catalog-service:1.0.0")),
                "is not tagged with a commit");
    }

    @Test
    void aFloatingImageTagIsCaught() {
        assertCaught(deployableProblems(GOOD.replaceFirst("redis:7.4.6", "redis:7.4")),
                "StatefulSet/redis container redis: image redis:7.4 is not pinned to a full version or a digest");
    }

    @Test
    void aPostgresClusterOnTheOperatorsDefaultImageIsCaught() {
        assertCaught(deployableProblems(broken("  imageName: ghcr.io/cloudnative-pg/postgresql:17.6\n", "")),
                "Cluster/customers container postgres: image  has no tag");
    }

    @Test
    void aNamespaceWithoutRestrictedPodSecurityIsCaught() {
        assertCaught(deployableProblems(broken("enforce: restricted", "enforce: baseline")),
                "Namespace/shop: pod-security.kubernetes.io/enforce is not restricted");
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
        String yaml = GOOD.replaceAll(
                "(?s)---\\s*apiVersion: policy/v1\\s+kind: PodDisruptionBudget\\s+metadata:\\s+"
                        + "name: catalog-service\n.*?(?=---)",
                "");
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
    void aBrickWithoutAutoscalerNorReplicaCountRunsOneAndIsCaught() {
        String yaml = GOOD.replaceAll("(?s)---\\s*apiVersion: autoscaling/v2.*?maxReplicas: 10\n", "");
        assertCaught(problems(yaml), "Deployment/catalog-service: runs 1 replica(s); a brick needs at least 2");
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
