package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

/** Each brick's container build file follows the Quarkus conventions and agrees with the manifests. */
class ContainerImagesTest {

    static final List<String> BRICKS = Project.BRICKS;

    private static String dockerfile(String brick) throws IOException {
        return Files.readString(Project.brick(brick).resolve("src/main/docker/Dockerfile.jvm"), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BRICKS")
    void imageRunsTheQuarkusAppAsNonRootUser185OnTheUbiOpenJdk17Runtime(String brick) throws IOException {
        String file = dockerfile(brick);
        assertTrue(file.lines().anyMatch(
                l -> l.matches("FROM registry\\.access\\.redhat\\.com/ubi9/openjdk-17(-runtime)?:[\\w.-]+")), file);
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(file.contains("COPY --chown=185 target/quarkus-app/" + layer),
                    brick + " does not copy quarkus-app/" + layer);
        }
        assertTrue(file.lines().anyMatch(l -> l.equals("USER 185")), brick + " does not run as user 185");
        assertTrue(file.contains("JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), brick);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("BRICKS")
    void imageExposesThePortTheApplicationListensOnWithTheImagesEnvironment(String brick) throws IOException {
        String file = dockerfile(brick);
        Map<String, String> environment = new HashMap<>();
        Matcher env = Pattern.compile("(?m)^ENV (\\w+)=(\\S+)$").matcher(file);
        while (env.find()) {
            environment.put(env.group(1), env.group(2));
        }
        Matcher expose = Pattern.compile("(?m)^EXPOSE (\\d+)$").matcher(file);
        assertTrue(expose.find(), brick + " exposes no port");
        assertEquals(Integer.parseInt(expose.group(1)), ApplicationConfig.of(brick).httpPort(environment), brick);
    }

    @Test
    void noKeyMaterialIsCommittedWithTheManifests() throws IOException {
        try (Stream<Path> files = Files.walk(Project.k8s())) {
            List<Path> offending = files
                    .filter(p -> !p.startsWith(Project.k8s().resolve("target")))
                    .filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".pem") || p.toString().endsWith(".key")
                            || containsPrivateKey(p))
                    .toList();
            assertEquals(List.of(), offending);
        }
    }

    private static boolean containsPrivateKey(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).contains("-----BEGIN " + "PRIVATE KEY-----")
                    || Files.readString(file, StandardCharsets.UTF_8).contains("-----BEGIN RSA " + "PRIVATE KEY-----");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
