package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.build.BuildHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #20: the gateway (two HAProxy processes on one port) and the launcher's {@code scale}, with
 * the real shop: each path prefix reaches its own brick and nothing else does; a catalog replica that
 * stops answering (SIGSTOP: its port still accepts connections, it answers nothing) is taken out of
 * rotation by both gateways within {@link #OUT_WITHIN} while GETs through the gateway go on answering,
 * and back in after SIGCONT; {@code ./bricks scale} adds and removes catalog replicas under a steady
 * GET load without one failed request. Figures go to standard output.
 */
class GatewayIT {

    /**
     * Two failed checks ({@code fall 2}); a frozen replica accepts the connection, so each check fails
     * by {@code timeout check 2s}: 1 s + 2 s, then 0.5 s ({@code fastinter}) + 2 s, about 5.5 s at
     * most; the bound leaves room for a busy 2-core machine.
     */
    static final Duration OUT_WITHIN = Duration.ofSeconds(10);
    /** One passing check ({@code rise 1}, {@code downinter 1s}) after SIGCONT, plus the JVM catching up. */
    static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    /** How long the load goes on with the replica out, before SIGCONT. */
    static final Duration HELD_OUT = Duration.ofSeconds(2);
    /**
     * The freeze load waits longer than the shoppers' 10 s: a GET sent to the replica before it froze
     * is answered by it after SIGCONT (or replayed elsewhere by HAProxy after {@code timeout server 30s}).
     */
    static final Duration FREEZE_LOAD_TIMEOUT = Duration.ofSeconds(40);
    /** An answer slower than this was (almost surely) held by the frozen replica. */
    static final Duration STALLED = Duration.ofSeconds(2);
    static final Duration SCALE_TIMEOUT = Duration.ofMinutes(3);
    /** The freeze drill's GETs: one every 50 ms (20 a second), whether earlier ones answered or not. */
    static final Duration FREEZE_LOAD_INTERVAL = Duration.ofMillis(50);
    /**
     * The scale drill's GETs: three threads, 20 ms apart each (at most ~150 a second): steady, and
     * leaving the two cores to the replicas that start (unpaced, three threads sent 2,500 a second and
     * a replica took over a minute to get ready).
     */
    static final int SCALE_LOAD_THREADS = 3;
    static final Duration SCALE_LOAD_PAUSE = Duration.ofMillis(20);
    static final String CATALOG_GET = "/api/catalog/products?size=5";
    static final String GATEWAY_404_DETAIL = "No brick serves this path";
    static final Pattern REPLICA = Pattern.compile("(catalog|cart|customer|order)-\\d+");

    static Launcher launcher;
    static URI gateway;
    static HttpClient http;

    @BeforeAll
    static void theWholeShopRuns() {
        launcher = Launcher.find();
        System.out.println(launcher.run(Duration.ofMinutes(15), "up", "--no-build"));
        gateway = ShopClient.gateway();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    // ------------------------------------------------------------------------------------------
    // 1. routing by prefix
    // ------------------------------------------------------------------------------------------

    /**
     * Each prefix is answered by its brick: the answer carries the {@code X-Bricks-Build} of that
     * brick's replicas (as {@code ./bricks status} lists them) and says something only that brick
     * says (a catalogue page, a new cart, the customer brick's refusal of a sign-in, an order page,
     * the back office). Paths no brick owns — a brick's own {@code /q/health}, a look-alike prefix —
     * get the gateway's 404 problem+json, with no build header (no brick saw them).
     */
    @Test
    void eachPrefixReachesItsOwnBrickAndAnUnknownPrefixGetsTheGatewaysProblem404() throws Exception {
        Map<String, Set<String>> builds = buildsByBrick(status());
        System.out.println("builds per brick (./bricks status): " + builds);
        String staff = launcher.staffToken();

        List<Executable> checks = new ArrayList<>();
        HttpResponse<String> catalog = send("GET", "/api/catalog/products?size=1", null, null);
        checks.addAll(fromBrick("catalog", catalog, builds, 200,
                body -> body.contains("\"sku\"") && body.contains("\"total\":") && body.contains("\"generation\"")));
        // the prefix alone also belongs to the brick: its own 404 (it has no resource there)
        checks.addAll(fromBrick("catalog", send("GET", "/api/catalog", null, null), builds, 404,
                body -> body.contains("there is no resource at this path")));
        HttpResponse<String> cart = send("POST", "/api/carts", null, null);
        String cartId = cart.body().replaceFirst("(?s)^\\{\"id\":\"([^\"]+)\".*", "$1");
        checks.addAll(fromBrick("cart", cart, builds, 201, body -> body.contains("\"itemCount\":0")
                && cart.headers().firstValue("Location").orElse("").endsWith("/api/carts/" + cartId)));
        checks.addAll(fromBrick("cart", send("GET", "/api/carts/" + cartId, null, null), builds, 200,
                body -> body.startsWith("{\"id\":\"" + cartId + "\"")));
        HttpResponse<String> signIn = send("POST", "/api/customers/token", null, "{\"email\":\"nobody-"
                + UUID.randomUUID() + "@example.com\",\"password\":\"not-the-password\"}");
        checks.addAll(fromBrick("customer", signIn, builds, 401,
                body -> body.contains("unknown e-mail or wrong password")));
        checks.addAll(fromBrick("order", send("GET", "/api/orders?size=1", staff, null), builds, 200,
                body -> body.contains("\"totalItems\":") && body.contains("\"totalPages\":")));
        checks.addAll(fromBrick("order", send("GET", "/backoffice", null, null), builds, 200,
                body -> body.contains("<title>Sign in · Bricks</title>")));

        for (String path : List.of("/api/nothing-here", "/q/health/ready", "/api/catalogue", "/backofficer", "/")) {
            HttpResponse<String> answer = send("GET", path, null, null);
            System.out.printf("GET %-28s -> %d %s build=%s %s%n", path, answer.statusCode(),
                    answer.headers().firstValue("Content-Type").orElse("-"),
                    answer.headers().firstValue(BuildHeaders.BUILD).orElse("(none)"), brief(answer.body()));
            checks.add(() -> assertEquals(404, answer.statusCode(), path + ": the gateway's 404"));
            checks.add(() -> assertEquals("application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse(""), path + ": problem+json"));
            checks.add(() -> assertTrue(answer.body().contains(GATEWAY_404_DETAIL),
                    path + ": the gateway's own problem, not a brick's: " + answer.body()));
            checks.add(() -> assertFalse(answer.headers().firstValue(BuildHeaders.BUILD).isPresent(),
                    path + ": no brick answered"));
        }
        assertAll("routing by prefix", checks);
    }

    private static List<Executable> fromBrick(String brick, HttpResponse<String> answer,
            Map<String, Set<String>> builds, int status, Predicate<String> saysWhatOnlyItSays) {
        String what = answer.request().method() + " " + answer.uri().getRawPath();
        String build = answer.headers().firstValue(BuildHeaders.BUILD).orElse("(none)");
        System.out.printf("%-40s -> %d build=%s (%s's builds: %s) %s%n", what, answer.statusCode(), build, brick,
                builds.getOrDefault(brick, Set.of()), brief(answer.body()));
        return List.of(
                () -> assertEquals(status, answer.statusCode(), what + ": " + brief(answer.body())),
                () -> assertTrue(builds.getOrDefault(brick, Set.of()).contains(build),
                        what + ": answered by a " + brick + " replica, build " + build + " not in " + builds),
                () -> assertFalse(answer.body().contains(GATEWAY_404_DETAIL), what + ": not the gateway's 404"),
                () -> assertTrue(saysWhatOnlyItSays.test(answer.body()),
                        what + ": an answer only " + brick + " gives: " + brief(answer.body())));
    }

    // ------------------------------------------------------------------------------------------
    // 2. a replica failing its health checks
    // ------------------------------------------------------------------------------------------

    @Test
    void aFrozenCatalogReplicaIsTakenOutByBothGatewaysWhileGetsGoOnAndComesBackAfterSigcont()
            throws Exception {
        // the catalog replicas UP on both gateways (read from their statistics: ./bricks status takes
        // ~10 s on a busy machine, as it asks every server)
        List<Integer> statsPorts = statsPorts();
        List<String> catalogReplicas = upEverywhere(statsPorts, "catalog");
        assertTrue(catalogReplicas.size() >= 2, "two catalog replicas UP to start with: " + catalogReplicas);
        String victim = catalogReplicas.get(0);
        long pid = Long.parseLong(Files.readString(runDir().resolve(victim + ".pid")).trim());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), victim + " (pid " + pid + ") runs");
        Map<String, Long> retriesBefore = retries(statsPorts);

        GetLoad load = GetLoad.paced(new ShopClient(gateway, ShopClient.CONNECT_TIMEOUT, FREEZE_LOAD_TIMEOUT),
                FREEZE_LOAD_INTERVAL);
        Map<Integer, Long> outAfterMillis = new TreeMap<>();
        Map<Integer, Long> backAfterMillis = new TreeMap<>();
        long[] at = {0, -1, 0}; // froze, out of rotation everywhere (-1: never), SIGCONT
        try {
            Thread.sleep(1_000);
            try {
                signal("STOP", pid);
                at[0] = System.nanoTime();
                System.out.printf("SIGSTOP %s (pid %d)%n", victim, pid);
                outAfterMillis.putAll(await(statsPorts, victim, "DOWN", at[0], OUT_WITHIN));
                if (outAfterMillis.size() == statsPorts.size()) {
                    at[1] = System.nanoTime();
                    Thread.sleep(HELD_OUT.toMillis());
                }
            } finally {
                signal("CONT", pid); // always: a frozen replica left behind would hold GETs for 30 s
                at[2] = System.nanoTime();
                System.out.printf("SIGCONT %s after %d ms%n", victim, millis(at[0], at[2]));
            }
            backAfterMillis.putAll(await(statsPorts, victim, "UP", at[2], BACK_WITHIN));
            Thread.sleep(500);
        } finally {
            load.stop();
        }
        Map<String, Long> retriesAfter = retries(statsPorts);
        long frozeAt = at[0];
        long outAt = at[1];
        long contAt = at[2];

        List<GetLoad.Call> calls = load.calls();
        List<GetLoad.Call> sentWhileOut = calls.stream()
                .filter(c -> outAt >= 0 && c.sentNanos() - outAt >= 0 && c.sentNanos() - contAt < 0).toList();
        // answered before the SIGCONT: by another replica, the frozen one could not answer
        long okWhileOut = sentWhileOut.stream()
                .filter(c -> c.status() == 200 && c.answeredNanos() - contAt < 0).count();
        List<GetLoad.Call> sentWhileIn = calls.stream()
                .filter(c -> c.sentNanos() - frozeAt >= 0 && (outAt < 0 || c.sentNanos() - outAt < 0)).toList();
        List<GetLoad.Call> notOk = calls.stream().filter(c -> c.status() != 200).toList();
        List<GetLoad.Call> held = calls.stream().filter(c -> c.millis() >= STALLED.toMillis()).toList();
        System.out.printf("%s out of rotation after (ms since SIGSTOP, per stats port): %s;"
                + " UP again after (ms since SIGCONT): %s%n", victim, outAfterMillis, backAfterMillis);
        System.out.printf("GETs through the gateway: %d sent, %d answered 200, %d not 200 %s%n",
                calls.size(), calls.size() - notOk.size(), notOk.size(), GetLoad.first(notOk));
        System.out.printf("  frozen, still in rotation: %d sent; out of rotation: %d sent, %d answered 200 before"
                + " the SIGCONT%n", sentWhileIn.size(), sentWhileOut.size(), okWhileOut);
        System.out.printf("  held %d ms or more (sent to %s before it was out): %d, slowest %d ms, statuses %s;"
                + " catalog retries/redispatches per gateway: before %s, after %s%n", STALLED.toMillis(), victim,
                held.size(), held.stream().mapToLong(GetLoad.Call::millis).max().orElse(0),
                held.stream().map(GetLoad.Call::toString).distinct().toList(), retriesBefore, retriesAfter);

        assertAll("a frozen replica",
                () -> assertEquals(statsPorts, List.copyOf(outAfterMillis.keySet()),
                        victim + " DOWN on every gateway within " + OUT_WITHIN.toSeconds() + " s: " + outAfterMillis),
                () -> assertEquals(statsPorts, List.copyOf(backAfterMillis.keySet()),
                        victim + " UP again on every gateway within " + BACK_WITHIN.toSeconds() + " s of SIGCONT: "
                                + backAfterMillis),
                () -> assertTrue(okWhileOut > 0, "GETs sent while " + victim + " was out answered 200 before the"
                        + " SIGCONT: " + okWhileOut + " of " + sentWhileOut.size()),
                // a GET in flight on the frozen replica waits for it (answered after SIGCONT) or is
                // replayed by the gateway on the other replica: either way it ends 200
                () -> assertEquals(List.of(), GetLoad.first(notOk), "every GET through the gateway answered 200"));
    }

    // ------------------------------------------------------------------------------------------
    // 3. ./bricks scale
    // ------------------------------------------------------------------------------------------

    @Test
    void scalingTheCatalogUpAndDownUnderLoadFailsNoRequest() throws Exception {
        GetLoad load = GetLoad.closed(new ShopClient(gateway), SCALE_LOAD_THREADS, SCALE_LOAD_PAUSE);
        Map<Integer, List<String>> replicasAfter = new LinkedHashMap<>();
        Map<Integer, Long> tookMillis = new LinkedHashMap<>();
        boolean restored = false;
        try {
            Thread.sleep(1_000);
            for (int n : List.of(1, 2)) { // the default is 2: one out (drained first), one in
                long start = System.nanoTime();
                launcher.run(SCALE_TIMEOUT, "scale", "catalog", Integer.toString(n));
                tookMillis.put(n, millis(start, System.nanoTime()));
                replicasAfter.put(n, ready(status(), "catalog"));
                System.out.printf("./bricks scale catalog %d: %d ms, ready replicas %s, GETs so far %d%n", n,
                        tookMillis.get(n), replicasAfter.get(n), load.calls().size());
            }
            restored = true;
        } finally {
            load.stop();
            if (!restored) {
                launcher.run(SCALE_TIMEOUT, "scale", "catalog", "2");
            }
        }
        List<GetLoad.Call> calls = load.calls();
        List<GetLoad.Call> notOk = calls.stream().filter(c -> c.status() != 200).toList();
        System.out.printf("GETs through the gateway while scaling: %d sent, %d failed %s, slowest %d ms%n",
                calls.size(), notOk.size(), GetLoad.first(notOk),
                calls.stream().mapToLong(GetLoad.Call::millis).max().orElse(0));
        List<Executable> checks = new ArrayList<>();
        replicasAfter.forEach((n, names) -> checks.add(() -> assertEquals(n, names.size(),
                "ready catalog replicas after ./bricks scale catalog " + n + ": " + names)));
        checks.add(() -> assertTrue(calls.size() > 100, "the load sent requests: " + calls.size()));
        checks.add(() -> assertEquals(List.of(), GetLoad.first(notOk), "no failed GET while scaling"));
        assertAll("scale", checks);
    }

    // ------------------------------------------------------------------------------------------
    // helpers
    // ------------------------------------------------------------------------------------------

    /**
     * Steady GETs of a catalogue page through the gateway, every call kept. {@link #closed}: a few
     * threads, each sending its next GET when the last one answered (and a pause). {@link #paced}: one
     * GET every interval, each on its own thread, whether earlier ones answered or not — as shoppers
     * arrive: a GET held by a frozen replica holds no other.
     */
    static final class GetLoad {
        record Call(long sentNanos, long millis, int status, String error) {
            long answeredNanos() {
                return sentNanos + millis * 1_000_000;
            }

            @Override
            public String toString() {
                return status < 0 ? error : Integer.toString(status);
            }
        }

        private final ShopClient client;
        private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "gateway-get");
            thread.setDaemon(true);
            return thread;
        });

        private GetLoad(ShopClient client) {
            this.client = client;
        }

        static GetLoad closed(ShopClient client, int threads, Duration pause) {
            GetLoad load = new GetLoad(client);
            for (int i = 0; i < threads; i++) {
                load.thread("gateway-load-" + i, () -> {
                    load.getOne();
                    Thread.sleep(pause.toMillis());
                });
            }
            return load;
        }

        static GetLoad paced(ShopClient client, Duration interval) {
            GetLoad load = new GetLoad(client);
            load.thread("gateway-load-pacer", () -> {
                load.pool.execute(() -> {
                    try {
                        load.getOne();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                Thread.sleep(interval.toMillis());
            });
            return load;
        }

        interface Step {
            void run() throws InterruptedException;
        }

        private void thread(String name, Step step) {
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        step.run();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, name);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }

        private void getOne() throws InterruptedException {
            long start = System.nanoTime();
            Answer answer = client.get(CATALOG_GET, null);
            calls.add(new Call(start, millis(start, System.nanoTime()), answer.status(),
                    answer.failure() == null ? null : answer.failure() + ": " + answer.error()));
        }

        /** Sends no more; waits (bounded) for the GETs in flight. */
        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(FREEZE_LOAD_TIMEOUT.plusSeconds(5).toMillis());
            }
            pool.shutdown();
            pool.awaitTermination(FREEZE_LOAD_TIMEOUT.plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
        }

        List<Call> calls() {
            synchronized (calls) {
                return List.copyOf(calls);
            }
        }

        static List<Call> first(List<Call> calls) {
            return calls.stream().limit(10).toList();
        }
    }

    private static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String status() {
        return launcher.run(Duration.ofSeconds(60), "status");
    }

    /** The ready replicas of {@code brick} in {@code ./bricks status}, by name. */
    static List<String> ready(String status, String brick) {
        List<String> names = new ArrayList<>();
        for (String line : status.split("\\R")) {
            String[] cols = line.trim().split("\\s+", 5);
            if (cols.length >= 4 && cols[0].matches(Pattern.quote(brick) + "-\\d+") && cols[3].equals("ready")) {
                names.add(cols[0]);
            }
        }
        return names;
    }

    /** The builds each brick's replicas run ({@code ./bricks status}, last column). */
    static Map<String, Set<String>> buildsByBrick(String status) {
        Map<String, Set<String>> builds = new TreeMap<>();
        for (String line : status.split("\\R")) {
            String[] cols = line.trim().split("\\s+", 5);
            if (cols.length == 5 && REPLICA.matcher(cols[0]).matches() && cols[3].equals("ready")) {
                builds.computeIfAbsent(cols[0].substring(0, cols[0].lastIndexOf('-')), b -> new LinkedHashSet<>())
                        .add(cols[4].trim());
            }
        }
        return builds;
    }

    private static Path runDir() {
        String var = System.getenv("BRICKS_VAR");
        return (var == null || var.isBlank() ? launcher.dir().resolve("var") : Path.of(var.trim())).resolve("run");
    }

    static List<Integer> statsPorts() {
        String ports = System.getenv().getOrDefault("BRICKS_GATEWAY_STATS_PORTS", "8404 8405").trim();
        return List.of(ports.split("\\s+")).stream().map(Integer::valueOf).toList();
    }

    /** The statistics CSV of the gateway on {@code port}: one map (column → value) per row. */
    static List<Map<String, String>> stats(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/;csv"))
                .timeout(Duration.ofSeconds(2)).build();
        String[] lines = http.send(request, HttpResponse.BodyHandlers.ofString()).body().split("\\R");
        String[] header = lines[0].replaceFirst("^#\\s*", "").split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < values.length; c++) {
                row.put(header[c], values[c]);
            }
            rows.add(row);
        }
        return rows;
    }

    /** The health status ("UP", "DOWN", "UP 1/2", ...) of a server on a gateway, or "absent". */
    static String serverStatus(int port, String backend, String server) throws IOException, InterruptedException {
        return stats(port).stream().filter(r -> backend.equals(r.get("pxname")) && server.equals(r.get("svname")))
                .map(r -> r.get("status")).findFirst().orElse("absent");
    }

    /** The servers of {@code backend} that every gateway shows UP, in the order of the first one's statistics. */
    static List<String> upEverywhere(List<Integer> ports, String backend) throws IOException, InterruptedException {
        List<String> up = null;
        for (int port : ports) {
            List<String> here = stats(port).stream()
                    .filter(r -> backend.equals(r.get("pxname")) && "UP".equals(r.get("status"))
                            && !"BACKEND".equals(r.get("svname")))
                    .map(r -> r.get("svname")).toList();
            up = up == null ? new ArrayList<>(here) : new ArrayList<>(up.stream().filter(here::contains).toList());
        }
        return up == null ? List.of() : up;
    }

    /** Retries and redispatches of the catalog backend per gateway ("wretr/wredis"). */
    private static Map<String, Long> retries(List<Integer> ports) throws IOException, InterruptedException {
        Map<String, Long> figures = new TreeMap<>();
        for (int port : ports) {
            for (Map<String, String> row : stats(port)) {
                if ("catalog".equals(row.get("pxname")) && "BACKEND".equals(row.get("svname"))) {
                    figures.put(port + " wretr", number(row.get("wretr")));
                    figures.put(port + " wredis", number(row.get("wredis")));
                }
            }
        }
        return figures;
    }

    /**
     * Polls every gateway until it shows {@code server} of the catalog with status {@code wanted}, within
     * {@code bound} of {@code since}; returns port → milliseconds since {@code since} for those that did.
     */
    private static Map<Integer, Long> await(List<Integer> ports, String server, String wanted, long since,
            Duration bound) throws IOException, InterruptedException {
        Map<Integer, Long> seen = new TreeMap<>();
        Map<Integer, String> last = new TreeMap<>();
        long deadline = since + bound.toNanos();
        while (seen.size() < ports.size() && System.nanoTime() - deadline < 0) {
            for (int port : ports) {
                if (!seen.containsKey(port)) {
                    String status = serverStatus(port, "catalog", server);
                    last.put(port, status);
                    if (wanted.equals(status)) {
                        seen.put(port, millis(since, System.nanoTime()));
                    }
                }
            }
            Thread.sleep(100);
        }
        if (seen.size() < ports.size()) {
            System.out.printf("%s not %s on every gateway within %d s; last seen %s%n", server, wanted,
                    bound.toSeconds(), last);
        }
        return seen;
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
        }
    }

    private static long number(String value) {
        return value == null || value.isBlank() ? 0 : Long.parseLong(value);
    }

    static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private static String brief(String body) {
        String flat = body.replaceAll("\\s+", " ").trim();
        return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
    }
}
