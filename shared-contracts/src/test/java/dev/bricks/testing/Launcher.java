package dev.bricks.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lets integration tests drive the project's own launcher, e.g. {@code Launcher.run("infra", "stop",
 * "kafka")} for a fault test. The servers the tests use are the ones {@code ./bricks test} started.
 */
public final class Launcher {

    private Launcher() {
    }

    /**
     * The repository root: the {@code bricks.root} system property (set by Failsafe) or the nearest
     * parent holding {@code bricks}.
     */
    public static Path root() {
        String property = System.getProperty("bricks.root");
        if (property != null && Files.isExecutable(Path.of(property, "bricks"))) {
            return Path.of(property);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("bricks"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the bricks launcher above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Runs {@code ./bricks ARGS...} and returns its standard output; fails the test on a non-zero exit. */
    public static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(root().resolve("bricks").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(root().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./bricks " + String.join(" ", args) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./bricks " + String.join(" ", args) + " exited "
                        + process.exitValue());
            }
            return new String(out, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An environment variable of the application environment, or its default. */
    public static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
