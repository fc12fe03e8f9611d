package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertCaught(problems(broken("mountPath: /tmp", "mountPth: /tmp")), "volumeMounts[0].mountPth is not a field of VolumeMount");
    }

    @Test
    void aMisspelledFieldOfACustomResourceIsCaught() {
        assertCaught(problems(broken("partitions: 1", "partition: 1")), "spec.partition is not a field of kafka.strimzi.io/v1beta2 KafkaTopic");
    }

    @Test
    void aValueOfTheWrongTypeIsCaught() {
        assertCaught(problems(broken("replicas: 2\n", "replicas: two\n")), "does not fit the Kubernetes model");
    }

    @Test
    void anUnknownKindIsCaught() {
        assertCaught(problems(broken("kind: KafkaTopic", "kind: KafkaTopik")), "is neither a Kubernetes kind nor a known custom resource");
    }

    @Test
    void aDeploymentSelectorMatchingNoPodLabelIsCaught() {
        String yaml = GOOD.replaceFirst("(?s)(template:\\s+metadata:\\s+labels:\\s+app.kubernetes.io/name: )catalog-service", "$1catalog");
        assertCaught(problems(yaml), "Deployment/catalog-service: selector");
    }

    @Test
    void aServiceSelectingNoPodIsCaught() {
        String yaml = GOOD.replaceFirst("(?s)(kind: Service.*?app.kubernetes.io/name: )catalog-service", "$1katalog-service");
        assertCaught(problems(yaml), "Service/catalog-service: selector {app.kubernetes.io/name=katalog-service} matches no Deployment");
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
        assertCaught(problems(broken("  BRICKS_HTTP_PORT:", "  BRICKS_REDIS_URL: redis://redis:6379\n  BRICKS_HTTP_PORT:")),
                "sets BRICKS_REDIS_URL, which catalog-service does not read");
    }

    @Test
    void aMisspelledEnvironmentVariableIsCaughtAndItsLocalDefaultReported() {
        List<String> problems = problems(broken("BRICKS_KAFKA_BOOTSTRAP:", "BRICKS_KAFKA_BOOTSTRAPS:"));
        assertCaught(problems, "sets BRICKS_KAFKA_BOOTSTRAPS, which catalog-service does not read");
        assertCaught(problems, "does not set BRICKS_KAFKA_BOOTSTRAP, whose default only works on a developer's machine");
    }

    @Test
    void aMissingConfigMapIsCaught() {
        assertCaught(problems(broken("name: catalog-config\ndata", "name: catalog-settings\ndata")),
                "takes its environment from ConfigMap catalog-config, which does not exist");
    }

    @Test
    void aBrickWithoutAutoscalerIsCaught() {
        assertCaught(problems(broken("kind: HorizontalPodAutoscaler", "kind: ConfigMap\ndata: {}\nx-was: HorizontalPodAutoscaler")
                .replaceAll("(?s)---\\s*apiVersion: autoscaling/v2.*?maxReplicas: 10\n", "")), "catalog-service has no HorizontalPodAutoscaler");
    }

    @Test
    void aBrickWithoutDisruptionBudgetIsCaught() {
        String yaml = GOOD.replaceAll("(?s)---\\s*apiVersion: policy/v1.*?name: catalog-service\n(?=---)", "");
        assertCaught(problems(yaml), "catalog-service has no PodDisruptionBudget");
    }

    @Test
    void aDisruptionBudgetMatchingNoPodIsCaught() {
        String yaml = GOOD.replaceFirst("(?s)(maxUnavailable: 1\\s+selector:\\s+matchLabels:\\s+app.kubernetes.io/name: )catalog-service", "$1cart-service");
        assertCaught(problems(yaml), "PodDisruptionBudget/catalog-service: selector");
    }

    @Test
    void theSharedNothingBrickWithAVolumeClaimIsCaught() {
        assertCaught(problems(broken("emptyDir: {}", "persistentVolumeClaim:\n                        claimName: catalog-data")),
                "volume tmp claims a persistent volume");
    }
}
