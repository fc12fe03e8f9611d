package dev.bricks.k8s;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Prometheus' {@code promtool} (Debian package prometheus), for checking and testing rules offline. */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    /** The one named by system property {@code bricks.promtool} (blank: none), else the first on the PATH. */
    static Optional<Path> find() {
        String configured = System.getProperty("bricks.promtool");
        if (configured != null) {
            return configured.isBlank() ? Optional.empty()
                    : Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "promtool"))) {
                return Optional.of(Path.of(dir, "promtool"));
            }
        }
        return Optional.empty();
    }

    /** Runs {@code promtool ARGS} in DIRECTORY, output and errors together. */
    static Result run(Path directory, String... args) {
        Path promtool = find().orElseThrow(() -> new IllegalStateException("promtool is not installed"));
        List<String> command = new ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(args));
        try {
            Path out = Files.createTempFile("promtool", ".out");
            try {
                Process process = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", command) + " did not finish in 60 s");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run promtool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running promtool", e);
        }
    }
}
