package dev.bricks.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The launcher's releases (var/releases/BRICK/ID, see infra/lib/apps.sh) as a deploy test needs
 * them: the one a brick runs now, and copies of it that are other builds: the same code stamped
 * with another build time (a changed build, without a Maven run), or one that cannot start.
 */
final class Releases {

    static final String STAMP_ENTRY = "META-INF/bricks-build.properties";

    private final Path var;
    private final Path work;

    Releases(Launcher launcher, Path work) {
        String env = System.getenv("BRICKS_VAR");
        this.var = env == null || env.isBlank() ? launcher.dir().resolve("var") : Path.of(env);
        this.work = work;
    }

    /** The release new replicas of {@code brick} start from. */
    Path current(String brick) {
        try {
            return var.resolve("releases").resolve(brick).resolve("current").toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code COMMIT[-dirty]@BUILD-TIME} of a release, as its replicas answer in X-Bricks-Build. */
    static String stamp(Path release) {
        try {
            return Files.readString(release.resolve("build")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the brick's current release (a quarkus-app directory) whose jar says it was built at
     * {@code builtAt}: its replicas answer {@code COMMIT@builtAt}.
     */
    Build restamped(String brick, Instant builtAt) {
        Path from = current(brick);
        String time = builtAt.truncatedTo(ChronoUnit.SECONDS).toString();
        Path to = work.resolve(brick + "-" + time.replace(':', '-'));
        copy(from, to);
        rewriteBuildTime(jar(to), time);
        String old = stamp(from);
        return new Build(to, old.substring(0, old.lastIndexOf('@') + 1) + time);
    }

    /** Like {@link #restamped}, without its libraries: the JVM exits at once. */
    Build unstartable(String brick, Instant builtAt) {
        Build build = restamped(brick, builtAt);
        delete(build.dir().resolve("lib").resolve("main"));
        return build;
    }

    /** A packaged build to deploy, and the stamp its replicas answer with. */
    record Build(Path dir, String stamp) {
    }

    private static Path jar(Path app) {
        try (Stream<Path> files = Files.list(app.resolve("app"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no application jar in " + app));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("app.jsa") || name.equals("cds.recorder") || name.equals("build")) {
                    continue; // the launcher's own files, not part of the build
                }
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rewrites the jar with another {@code git.build.time} in its stamp entry. */
    private static void rewriteBuildTime(Path jar, String time) {
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".new");
        Set<String> seen = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rewritten))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!seen.add(entry.getName())) {
                    continue; // the Quarkus jar lists META-INF/ twice
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals(STAMP_ENTRY)) {
                    out.write(withBuildTime(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1), time)
                            .getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.move(rewritten, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withBuildTime(String properties, String time) {
        StringBuilder out = new StringBuilder();
        for (String line : properties.split("\n")) {
            out.append(line.startsWith("git.build.time=") ? "git.build.time=" + time.replace(":", "\\:") : line)
                    .append('\n');
        }
        return out.toString();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
