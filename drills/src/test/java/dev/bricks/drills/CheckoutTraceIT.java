package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #13: one checkout, traced from end to end and seen in Zipkin. Through the gateway a shopper
 * registers, signs in, fills a cart and checks out, the checkout carrying a sampled W3C
 * {@code traceparent}; Zipkin's API ({@code /api/v2/trace/{id}}) must then hold that trace with the
 * spans of cart-service (its server span, Redis, the price call, the Kafka publish), catalog-service
 * (the priced request) and order-service (the consumed order and its insert into PostgreSQL). Then
 * headless Chromium photographs Zipkin's page of that trace and a Prometheus graph into
 * {@code drills/target/screenshots} (out of git; README.md says what a person sees there). The
 * gateway's own part is checked too: it forwards a valid {@code traceparent} and starts one when
 * there is none or it is malformed (the bricks name the trace in every problem+json).
 */
class CheckoutTraceIT {

    /** The bricks export in batches (every few seconds); Zipkin has the trace well within this. */
    static final Duration TRACE_WITHIN = Duration.ofSeconds(90);
    static final Duration CHROMIUM_TIMEOUT = Duration.ofSeconds(90);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");
    static final ObjectMapper JSON = new ObjectMapper();

    static URI gateway;
    static URI zipkin;
    static URI prometheus;
    static HttpClient http;

    @BeforeAll
    static void theWholeShopRuns() {
        Launcher launcher = Launcher.find();
        System.out.println(launcher.run(Duration.ofMinutes(15), "up", "--no-build"));
        gateway = ShopClient.gateway();
        zipkin = URI.create("http://127.0.0.1:" + env("BRICKS_ZIPKIN_PORT", "9411"));
        prometheus = URI.create("http://127.0.0.1:" + env("BRICKS_PROMETHEUS_PORT", "9090"));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
    }

    @Test
    void aCheckoutIsOneTraceThroughCartCatalogKafkaAndOrderAndZipkinShowsIt() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        String email = "trace-" + UUID.randomUUID() + "@example.com";
        expect(201, send("POST", "/api/customers", null, null,
                Map.of("email", email, "password", "trace-drill-password", "name", "Trace Shopper")));
        String token = json(expect(200, send("POST", "/api/customers/token", null, null,
                Map.of("email", email, "password", "trace-drill-password")))).get("accessToken").asText();
        String sku = json(expect(200, send("GET", "/api/catalog/products?size=1", null, null, null)))
                .findValue("sku").asText();
        String cartId = json(expect(201, send("POST", "/api/carts", token, null, null))).get("id").asText();
        expect(200, send("PUT", "/api/carts/" + cartId + "/items/" + sku, token, null, Map.of("quantity", 2)));
        String orderId = json(expect(202, send("POST", "/api/carts/" + cartId + "/checkout", token, traceparent,
                null))).get("orderId").asText();
        System.out.printf("checkout of cart %s (order %s) sent with traceparent %s%n", cartId, orderId, traceparent);

        List<Predicate<JsonNode>> wanted = List.of(
                span("cart-service", "SERVER", s -> name(s).contains("checkout")),
                span("cart-service", "CLIENT", s -> is(s, "redis")),
                span("cart-service", "CLIENT", s -> tag(s, "http.request.method", "http.method") != null),
                span("cart-service", "PRODUCER", s -> is(s, "kafka")),
                span("catalog-service", "SERVER", s -> true),
                span("order-service", "CONSUMER", s -> is(s, "kafka")),
                span("order-service", "CLIENT", s -> is(s, "postgresql")
                        && (name(s) + " " + tag(s, "db.query.text", "db.statement")).toLowerCase(Locale.ROOT)
                                .contains("insert")));
        JsonNode spans = traceWhenComplete(traceId, wanted);
        System.out.println("trace " + traceId + " in Zipkin, " + spans.size() + " spans:");
        for (JsonNode s : spans) {
            System.out.printf("  %-17s %-9s %-8s %6d us  %s%n", s.path("localEndpoint").path("serviceName").asText(),
                    s.path("kind").asText("-"), s.path("remoteEndpoint").path("serviceName").asText("-"),
                    s.path("duration").asLong(), name(s));
        }
        List<Executable> checks = new ArrayList<>();
        String[] what = {"cart-service's server span of the checkout", "cart-service's Redis call",
            "cart-service's price call to the catalog", "cart-service's Kafka publish",
            "catalog-service's server span", "order-service's Kafka consume", "order-service's INSERT"};
        for (int i = 0; i < wanted.size(); i++) {
            Predicate<JsonNode> one = wanted.get(i);
            String label = what[i];
            checks.add(() -> assertTrue(any(spans, one), "the trace has no " + label));
        }
        checks.add(() -> assertTrue(spansOf(spans).stream().allMatch(s -> s.path("traceId").asText().equals(traceId)),
                "every span is of the trace"));
        assertAll(checks);

        Path trace = screenshot(zipkin.resolve("/zipkin/traces/" + traceId), "zipkin-checkout-trace.png");
        String expr = URLEncoder.encode("sum by (brick) (bricks:http_requests:rate1m)", StandardCharsets.UTF_8);
        Path graph = screenshot(prometheus.resolve("/graph?g0.expr=" + expr + "&g0.tab=0&g0.range_input=15m"),
                "prometheus-requests-graph.png");
        assertAll(() -> assertPicture(trace), () -> assertPicture(graph));
    }

    @Test
    void theGatewayForwardsAValidTraceparentAndStartsOneForARequestWithoutOrWithAMalformedOne() throws Exception {
        String missingCart = "/api/carts/" + UUID.randomUUID();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String given = problemTraceId(send("GET", missingCart, null,
                "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-00", null));
        String started = problemTraceId(send("GET", missingCart, null, null, null));
        String startedAgain = problemTraceId(send("GET", missingCart, null, null, null));
        String replaced = problemTraceId(send("GET", missingCart, null, "00-not-a-trace-01", null));
        System.out.printf("trace ids: given %s -> %s; none -> %s, %s; malformed -> %s%n",
                traceId, given, started, startedAgain, replaced);
        assertAll(
                () -> assertEquals(traceId, given, "the brick continues the caller's trace"),
                () -> assertTrue(TRACE_ID.matcher(started).matches(), "a trace is started: " + started),
                () -> assertNotEquals(started, startedAgain, "every request gets its own trace"),
                () -> assertTrue(TRACE_ID.matcher(replaced).matches(), "a malformed traceparent is replaced"));
    }

    // ---- Zipkin ----

    private static Predicate<JsonNode> span(String service, String kind, Predicate<JsonNode> more) {
        return s -> service.equals(s.path("localEndpoint").path("serviceName").asText())
                && kind.equals(s.path("kind").asText()) && more.test(s);
    }

    /** A call to SYSTEM (redis, kafka, postgresql): the remote service or the semantic attributes say so. */
    private static boolean is(JsonNode s, String system) {
        return system.equals(s.path("remoteEndpoint").path("serviceName").asText())
                || system.equals(tag(s, "db.system.name", "db.system", "messaging.system"));
    }

    private static String tag(JsonNode s, String... names) {
        for (String name : names) {
            JsonNode value = s.path("tags").get(name);
            if (value != null) {
                return value.asText();
            }
        }
        return null;
    }

    private static String name(JsonNode s) {
        return s.path("name").asText();
    }

    private static boolean any(JsonNode spans, Predicate<JsonNode> wanted) {
        return spansOf(spans).stream().anyMatch(wanted);
    }

    private static List<JsonNode> spansOf(JsonNode spans) {
        List<JsonNode> list = new ArrayList<>();
        spans.forEach(list::add);
        return list;
    }

    /** The trace as Zipkin has it once every wanted span arrived, or as it is when the time is up. */
    private static JsonNode traceWhenComplete(String traceId, List<Predicate<JsonNode>> wanted) throws Exception {
        long deadline = System.nanoTime() + TRACE_WITHIN.toNanos();
        JsonNode spans = JSON.createArrayNode();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(zipkin.resolve("/api/v2/trace/" + traceId))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                spans = JSON.readTree(answer.body());
                JsonNode now = spans;
                if (wanted.stream().allMatch(w -> any(now, w))) {
                    return spans;
                }
            }
            Thread.sleep(1000);
        }
        return spans;
    }

    // ---- pictures ----

    private static Path screenshot(URI page, String file) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        Path png = SCREENSHOTS.resolve(file).toAbsolutePath();
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory("bricks-chromium");
        // --virtual-time-budget: the page's scripts run (Zipkin and Prometheus draw with JavaScript)
        Process chromium = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--user-data-dir=" + profile, "--window-size=1600,1000",
                "--virtual-time-budget=15000", "--screenshot=" + png, page.toString())
                .redirectErrorStream(true).redirectOutput(SCREENSHOTS.resolve(file + ".log").toFile()).start();
        if (!chromium.waitFor(CHROMIUM_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
        System.out.println("screenshot of " + page + ": " + png + " (" + (Files.exists(png) ? Files.size(png) : 0)
                + " bytes)");
        return png;
    }

    /** A PNG of the window's size that shows something: many colours, not a blank or error page. */
    private static void assertPicture(Path png) throws IOException {
        assertTrue(Files.exists(png), png + " was not written");
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image != null, png + " is not a picture");
        assertEquals(1600, image.getWidth(), png + ": width");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 4) {
            for (int x = 0; x < image.getWidth(); x += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, png + " shows almost nothing: " + colours.size() + " colours");
    }

    // ---- HTTP ----

    private static HttpResponse<String> send(String method, String path, String token, String traceparent,
            Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), () -> answer.request().method() + " " + answer.request().uri()
                + ": " + answer.body());
        return answer;
    }

    private static JsonNode json(HttpResponse<String> answer) throws IOException {
        return JSON.readTree(answer.body());
    }

    private static String problemTraceId(HttpResponse<String> answer) throws IOException {
        assertEquals(404, answer.statusCode(), answer.body());
        JsonNode traceId = json(answer).get("traceId");
        assertFalse(traceId == null || traceId.isNull(), "the problem names its trace: " + answer.body());
        return traceId.asText();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
