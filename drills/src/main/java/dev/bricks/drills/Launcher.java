package dev.bricks.drills;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the project's launcher, {@code <root>/bricks ARGS...}. */
public final class Launcher {

    private final Path root;

    public Launcher(Path root) {
        this.root = root;
    }

    /** The launcher of this checkout: see {@link #root()}. */
    public static Launcher find() {
        return new Launcher(root());
    }

    /**
     * The repository root: the {@code bricks.root} system property (set by Failsafe) if it holds an
     * executable {@code bricks}, else the nearest parent of the working directory that does.
     */
    public static Path root() {
        String property = System.getProperty("bricks.root");
        if (property != null && !property.isBlank() && Files.isExecutable(Path.of(property, "bricks"))) {
            return Path.of(property).toAbsolutePath();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isExecutable(dir.resolve("bricks"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the bricks launcher above " + Path.of("").toAbsolutePath()
                    + " (set -Dbricks.root=...)");
        }
        return dir;
    }

    public Path dir() {
        return root;
    }

    /**
     * Runs {@code ./bricks ARGS...} in the root, its standard error passed through, and returns its
     * standard output (trimmed); throws when it exits non-zero or outlasts {@code timeout}.
     */
    public String run(Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("bricks").toString());
        command.addAll(List.of(args));
        String what = "./bricks " + String.join(" ", args);
        try {
            Process process = new ProcessBuilder(command).directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            process.getOutputStream().close();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
            String output = out.join().trim();
            if (process.exitValue() != 0) {
                throw new IllegalStateException(what + " exited " + process.exitValue()
                        + (output.isEmpty() ? "" : ": " + output));
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** A staff JWT: {@code $BRICKS_STAFF_TOKEN}, else {@code ./bricks token staff}. */
    public String staffToken() {
        String token = System.getenv("BRICKS_STAFF_TOKEN");
        if (token != null && !token.isBlank()) {
            return token.trim();
        }
        String out = run(Duration.ofSeconds(60), "token", "staff");
        String[] lines = out.split("\\R");
        return lines[lines.length - 1].trim();
    }
}
