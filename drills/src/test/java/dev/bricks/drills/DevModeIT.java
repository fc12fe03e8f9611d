package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #18: {@code ./bricks dev catalog --only} runs the catalog brick in Quarkus dev mode in the
 * gateway's rotation; a source file added while it runs answers through the gateway on the next
 * request, without a restart of the command; when the command is stopped, the gateway answers from
 * the packaged replicas again and no request through it fails meanwhile.
 */
class DevModeIT {

    private static final Duration DEV_READY_WITHIN = Duration.ofMinutes(6);
    private static final Duration RELOAD_WITHIN = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Launcher launcher;
    static URI gateway;

    @BeforeAll
    static void theWholeShopRuns() {
        launcher = Launcher.find();
        System.out.println(launcher.run(Duration.ofMinutes(15), "up", "--no-build"));
        gateway = ShopClient.gateway();
    }

    @Test
    void aChangedSourceAnswersThroughTheGatewayAndStoppingHandsBackToTheReplicasWithNoFailedRequest()
            throws Exception {
        String token = "probe-" + UUID.randomUUID();
        Path probe = launcher.dir().resolve(
                "catalog-service/src/main/java/dev/bricks/catalog/api/DevModeProbeResource.java");
        // dev mode compiles it into the brick's target/classes, where a later build would find it
        Path compiled = launcher.dir().resolve(
                "catalog-service/target/classes/dev/bricks/catalog/api/DevModeProbeResource.class");
        Files.deleteIfExists(compiled);
        Path log = Path.of("target", "dev-mode.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process dev = new ProcessBuilder(launcher.dir().resolve("bricks").toString(), "dev", "catalog", "--only",
                "--no-debug").directory(launcher.dir().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        try {
            long started = System.nanoTime();
            awaitLine(dev, log, "catalog-dev is in the gateway's rotation", DEV_READY_WITHIN);
            System.out.printf("dev mode in the gateway's rotation after %d s%n", seconds(started));
            assertEquals(404, get("/api/catalog/dev-mode-probe").statusCode(), "no probe before the edit");

            Files.writeString(probe, probeSource(token), StandardCharsets.UTF_8);
            long edited = System.nanoTime();
            HttpResponse<String> answer = awaitAnswer("/api/catalog/dev-mode-probe", token, RELOAD_WITHIN);
            System.out.printf("the edit answered through the gateway %d s after the file was written%n",
                    seconds(edited));
            assertEquals(token, answer.body());
            assertTrue(dev.isAlive(), "./bricks dev kept running through the reload");

            Files.deleteIfExists(probe);
            Load load = new Load();
            load.start();
            Thread.sleep(2_000);
            long stopping = System.nanoTime();
            dev.destroy(); // SIGTERM, as Ctrl-C
            assertTrue(dev.waitFor(90, TimeUnit.SECONDS), "./bricks dev stops within 90 s");
            System.out.printf("./bricks dev stopped in %d s (exit %d)%n", seconds(stopping), dev.exitValue());
            Thread.sleep(3_000);
            load.stop();
            System.out.printf("requests through the gateway while it stopped: %d, failed: %d %s%n",
                    load.sent.get(), load.failures.size(), load.failures);
            assertTrue(load.sent.get() > 0, "the load sent requests");
            assertEquals(List.of(), load.failures);
            assertEquals(404, get("/api/catalog/dev-mode-probe").statusCode(),
                    "the packaged replicas answer again (they have no probe)");
            assertEquals(200, get("/api/catalog/products?size=5").statusCode());
        } finally {
            Files.deleteIfExists(probe);
            if (dev.isAlive()) {
                dev.destroy();
                if (!dev.waitFor(60, TimeUnit.SECONDS)) {
                    dev.descendants().forEach(ProcessHandle::destroyForcibly);
                    dev.destroyForcibly();
                }
            }
            Files.deleteIfExists(compiled);
        }
    }

    /** GETs of a catalogue page through the gateway, one after the other, every non-200 kept. */
    private static final class Load {
        final AtomicInteger sent = new AtomicInteger();
        final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean running = new AtomicBoolean(true);
        final Thread thread = new Thread(this::run, "dev-mode-load");

        void start() {
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(15_000);
        }

        private void run() {
            while (running.get()) {
                sent.incrementAndGet();
                try {
                    int status = get("/api/catalog/products?size=5").statusCode();
                    if (status != 200) {
                        failures.add(Integer.toString(status));
                    }
                } catch (IOException e) {
                    failures.add(e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> awaitAnswer(String path, String body, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = get(path);
                if (last.statusCode() == 200 && body.equals(last.body())) {
                    return last;
                }
            } catch (IOException e) {
                // the dev instance restarts behind the gateway
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no " + body + " at " + path + " within " + within.toSeconds() + " s; last answer "
                + (last == null ? "none" : last.statusCode() + " " + last.body()));
    }

    private static void awaitLine(Process dev, Path log, String line, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.readString(log, StandardCharsets.UTF_8).contains(line)) {
                return;
            }
            if (!dev.isAlive()) {
                throw new AssertionError("./bricks dev exited " + dev.exitValue() + "; see " + log);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("'" + line + "' not logged within " + within.toSeconds() + " s; see " + log);
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }

    private static String probeSource(String token) {
        return """
                package dev.bricks.catalog.api;

                import jakarta.ws.rs.GET;
                import jakarta.ws.rs.Path;
                import jakarta.ws.rs.Produces;
                import jakarta.ws.rs.core.MediaType;

                /** Written by DevModeIT while ./bricks dev runs, and deleted again. */
                @Path("/api/catalog/dev-mode-probe")
                public class DevModeProbeResource {
                    @GET
                    @Produces(MediaType.TEXT_PLAIN)
                    public String probe() {
                        return "%s";
                    }
                }
                """.formatted(token);
    }
}
