package dev.bricks.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Where the repository and its parts are, seen from a test of this module. */
final class Project {

    static final List<String> BRICKS = List.of("catalog-service", "cart-service", "customer-service", "order-service");
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private Project() {
    }

    static Path root() {
        String configured = System.getProperty("bricks.root");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("not the Bricks repository: " + root.toAbsolutePath());
        }
        return root.toAbsolutePath().normalize();
    }

    static Path k8s() {
        return root().resolve("k8s");
    }

    static Path base() {
        return k8s().resolve("base");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    static Path brick(String name) {
        return root().resolve(name);
    }

    /** The configuration every brick shares, below its own application.properties. */
    static Path sharedDefaults() {
        return root().resolve("shared-contracts/src/main/resources/META-INF/microprofile-config.properties");
    }
}
