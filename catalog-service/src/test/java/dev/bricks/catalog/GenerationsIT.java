package dev.bricks.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.support.Replica;
import dev.bricks.catalog.support.TestCatalogues;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Generations over the real Kafka with two replicas: this test's application (replica A) and the
 * packaged jar started as a separate process (replica B), both on a topic of this test run only.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GenerationsIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static Replica replicaB;

    @TestHTTPResource("/")
    URL replicaA;

    static {
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT));
    }

    private static String topic() {
        return ConfigProvider.getConfig().getValue("bricks.catalog.topic", String.class);
    }

    private static String staff() {
        return TestTokens.staff("staff-" + RUN, "staff-" + RUN + "@bricks.test");
    }

    /** The packaged replica, with the test profile's short retirement settings, ready. */
    private static Replica startReplica(String name) throws Exception {
        // a loaded machine may take long to reach Kafka: the replica must not settle for the demo catalogue
        return Replica.start(name, topic(), "bricks.catalog.retire-grace=3s",
                "bricks.catalog.housekeeping-every=2s", "bricks.catalog.startup-kafka-wait=120s")
                .awaitReady(Duration.ofSeconds(180));
    }

    private static Replica replicaB() throws Exception {
        if (replicaB == null) {
            replicaB = startReplica("b-" + RUN);
        }
        return replicaB;
    }

    @AfterAll
    static void stopReplicaBAndDeleteTheTopics() throws Exception {
        if (replicaB != null) {
            replicaB.close();
        }
        // the test topics may hold a 100,000-product generation: do not leave them on the shared broker
        for (String upload : uploadTopics()) {
            Kafka.deleteTopic(upload);
        }
        Kafka.deleteTopic(topic());
    }

    private static Set<String> uploadTopics() throws Exception {
        try (Admin admin = Kafka.admin()) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(topic() + ".upload-")).collect(Collectors.toSet());
        }
    }

    /** The first offset still readable in the generations topic. */
    private static long firstOffset() throws Exception {
        try (Admin admin = Kafka.admin()) {
            TopicPartition partition = new TopicPartition(topic(), 0);
            return admin.listOffsets(Map.of(partition, OffsetSpec.earliest())).all().get(10, TimeUnit.SECONDS)
                    .get(partition).offset();
        }
    }

    private static JsonPath upload(String ndjson, Instant activateAt) {
        return given().auth().oauth2(staff()).contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .queryParam("activateAt", activateAt == null ? null : activateAt.toString())
                .when().post("/api/catalog/generations")
                .then().statusCode(202).header("Location", containsString("/api/catalog/generations/"))
                .extract().jsonPath();
    }

    /** The end offset of the topic's single partition. */
    private static long endOffset() {
        return Kafka.recordCount(topic());
    }

    private static long activeOnA() {
        return given().when().get("/api/catalog/generations/active").then().statusCode(200).extract().jsonPath()
                .getLong("number");
    }

    private static long activeOn(Replica replica) throws Exception {
        HttpResponse<String> response = replica.get("/api/catalog/generations/active");
        return response.statusCode() == 200 ? JsonPath.from(response.body()).getLong("number") : -1;
    }

    private static void awaitActive(long generation, Replica replica, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (activeOnA() == generation && (replica == null || activeOn(replica) == generation)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("generation " + generation + " not active on every replica after " + timeout
                + " (A: " + activeOnA() + ", B: " + (replica == null ? "-" : activeOn(replica)) + ")");
    }

    @Test
    @Order(1)
    void uploadsNeedAStaffToken() {
        String body = TestCatalogues.ndjson("AUTH-" + RUN, 3);
        given().contentType("application/x-ndjson").body(body).when().post("/api/catalog/generations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer("c-" + RUN, "c-" + RUN + "@bricks.test"))
                .contentType("application/x-ndjson").body(body).when().post("/api/catalog/generations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(2)
    void malformedUploadsAreRejectedNamingTheLineAndPublishNothing() throws Exception {
        awaitTopicReadable();
        long before = endOffset();
        List<String> generationsBefore = given().when().get("/api/catalog/generations").then().extract().jsonPath()
                .getList("number", String.class);
        String good = TestCatalogues.ndjson("BAD-" + RUN, 20);
        String[] lines = good.split("\n");
        Map<String, String> cases = Map.of(
                "line 17: price.currency: not an ISO 4217 code",
                        replaceLine(lines, 16, lines[16].replace("\"EUR\"", "\"EURO\"")),
                "line 5: sku: duplicate of line 2", replaceLine(lines, 4, lines[1]),
                "line 9: malformed JSON", replaceLine(lines, 8, lines[8].substring(0, 30)),
                "line 3: name: is required", replaceLine(lines, 2, lines[2].replaceFirst("\"name\":\"[^\"]*\",", "")),
                "line 12: price.amount: not a non-negative decimal",
                        replaceLine(lines, 11, lines[11].replaceFirst("\"amount\":\"[^\"]*\"", "\"amount\":\"1,50\"")));
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            given().auth().oauth2(staff()).contentType("text/plain").body(bad.getValue())
                    .when().post("/api/catalog/generations")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("detail", startsWith(bad.getKey()))
                    .body("errors[0].field", equalTo(bad.getKey().substring(0, bad.getKey().indexOf(':'))));
        }
        given().auth().oauth2(staff()).contentType("application/x-ndjson").body(good)
                .queryParam("activateAt", "tomorrow").when().post("/api/catalog/generations")
                .then().statusCode(400).body("errors[0].field", equalTo("activateAt"));
        // uploads stream to Kafka while they are read: one refused at its last line had chunks out already
        Set<String> uploadTopicsBefore = uploadTopics();
        String[] large = TestCatalogues.ndjson("LATE-" + RUN, 8000).split("\n");
        given().auth().oauth2(staff()).contentType("application/x-ndjson")
                .body(replaceLine(large, large.length - 1, large[large.length - 1].replace("\"EUR\"", "\"EURO\"")))
                .when().post("/api/catalog/generations")
                .then().statusCode(400).body("detail", startsWith("line " + large.length + ": price.currency"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!uploadTopics().equals(uploadTopicsBefore) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(uploadTopicsBefore, uploadTopics(), "a refused upload leaves no topic behind");
        assertEquals(before, endOffset(), "a rejected upload published nothing");
        assertEquals(generationsBefore, given().when().get("/api/catalog/generations").then().extract().jsonPath()
                .getList("number", String.class));
    }

    @Test
    @Order(4)
    void generationIsServedByNoReplicaBeforeItsInstantAndByEveryReplicaAfterIt() throws Exception {
        Replica b = replicaB();
        long old = activeOnA();
        assertEquals(old, activeOn(b), "both replicas start on the same generation");

        // both replicas are polled from before the upload until 2 s after the instant
        List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Instant> pollUntil = new AtomicReference<>(Instant.now().plusSeconds(60));
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        List<Future<?>> polling = new ArrayList<>();
        Map<String, String> replicas = Map.of("A", replicaA.toString().replaceAll("/$", ""), "B", b.url());
        for (Map.Entry<String, String> replica : replicas.entrySet()) {
            polling.add(pollers.submit(() -> poll(replica.getKey(), replica.getValue(), pollUntil, observations)));
        }
        Thread.sleep(300);
        // room for this JVM to answer its pollers on both sides of the instant after taking the upload
        Instant activateAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        JsonPath accepted = upload(TestCatalogues.ndjson("CUT-" + RUN, 50), activateAt);
        System.out.printf("cutover upload answered %d ms before the instant%n",
                Duration.between(Instant.now(), activateAt).toMillis());
        long generation = accepted.getLong("generation");
        assertTrue(generation > old, "generation numbers increase");
        assertEquals(activateAt, Instant.parse(accepted.getString("activateAt")));
        pollUntil.set(activateAt.plusSeconds(2));
        for (Future<?> poller : polling) {
            poller.get(30, TimeUnit.SECONDS);
        }
        pollers.shutdown();

        for (String replica : List.of("A", "B")) {
            List<Observation> mine = observations.stream().filter(o -> o.replica().equals(replica)).toList();
            List<Observation> before = mine.stream().filter(o -> o.received().isBefore(activateAt)).toList();
            List<Observation> after = mine.stream().filter(o -> !o.sent().isBefore(activateAt)).toList();
            assertTrue(!before.isEmpty() && !after.isEmpty(), "polled " + replica + " on both sides of the instant");
            before.forEach(o -> assertEquals(String.valueOf(old), o.generation(), "before the instant: " + o));
            after.forEach(o -> {
                assertEquals(200, o.status(), "after the instant: " + o);
                assertEquals(String.valueOf(generation), o.generation(), "after the instant: " + o);
            });
            System.out.printf("cutover on replica %s: %d answers before %s all from generation %d,"
                    + " %d after it all from %d%n",
                    replica, before.size(), activateAt, old, after.size(), generation);
        }
        given().when().get("/api/catalog/products/CUT-" + RUN + "-7").then().statusCode(200)
                .header("X-Catalog-Generation", String.valueOf(generation)).body("name", equalTo("Test Lamp 7"));
        given().when().get("/api/catalog/generations/" + generation).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("products", equalTo(50))
                .body("checksum", equalTo(accepted.getString("checksum")));
    }

    record Observation(String replica, Instant sent, Instant received, int status, String generation) {
    }

    private static Void poll(String name, String url, AtomicReference<Instant> until, List<Observation> observations)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/catalog/products?size=1"))
                .timeout(Duration.ofSeconds(10)).build();
        while (Instant.now().isBefore(until.get())) {
            Instant sent = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            observations.add(new Observation(name, sent, Instant.now(), response.statusCode(),
                    response.headers().firstValue("X-Catalog-Generation").orElse(null)));
            Thread.sleep(20);
        }
        return null;
    }

    @Test
    @Order(3)
    void replicaStartedAfterThePublicationBuildsTheSameGenerationFromTheTopic() throws Exception {
        JsonPath accepted = upload(TestCatalogues.ndjson("LATE-" + RUN, 120), null);
        long generation = accepted.getLong("generation");
        awaitActive(generation, null, Duration.ofSeconds(30));
        try (Replica c = startReplica("c-" + RUN)) {
            JsonPath onC = JsonPath.from(c.get("/api/catalog/generations/active").body());
            assertEquals(generation, onC.getLong("number"));
            assertEquals(accepted.getString("checksum"), onC.getString("checksum"));
            assertEquals(120, onC.getInt("products"));
            HttpResponse<String> product = c.get("/api/catalog/products/LATE-" + RUN + "-42");
            assertEquals(200, product.statusCode());
            assertEquals(given().when().get("/api/catalog/products/LATE-" + RUN + "-42").then().extract().asString(),
                    product.body(), "the same product, byte for byte");
            assertEquals(given().when().get("/api/catalog/products/LATE-" + RUN + "-42").header("ETag"),
                    product.headers().firstValue("ETag").orElseThrow(), "the same ETag on every replica");
        }
    }

    @Test
    @Order(5)
    void hundredThousandProductGenerationStagesAndActivatesOnBothReplicas() throws Exception {
        Replica b = replicaB();
        String ndjson = TestCatalogues.ndjson("BIG-" + RUN, 100_000);
        long started = System.nanoTime();
        JsonPath accepted = upload(ndjson, null);
        long uploadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long generation = accepted.getLong("generation");
        assertEquals(100_000, accepted.getInt("products"));
        awaitActive(generation, b, Duration.ofSeconds(120));
        long activeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        JsonPath onA = given().when().get("/api/catalog/generations/" + generation).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("products", equalTo(100_000))
                .body("checksum", equalTo(accepted.getString("checksum"))).extract().jsonPath();
        JsonPath onB = JsonPath.from(b.get("/api/catalog/generations/" + generation).body());
        assertEquals(accepted.getString("checksum"), onB.getString("checksum"));
        System.out.printf("100,000-product generation %d (%.1f MB NDJSON): upload accepted in %d ms; staging time "
                + "replica A %d ms, replica B %d ms; active on both %d ms after the upload began%n", generation,
                ndjson.length() / 1e6, uploadMillis, onA.getLong("stagingMillis"), onB.getLong("stagingMillis"),
                activeMillis);
        given().queryParam("q", "LAMP 99999").queryParam("size", 5).when().get("/api/catalog/products")
                .then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].sku", equalTo("BIG-" + RUN + "-99999"));
        HttpResponse<String> last = b.get("/api/catalog/products/BIG-" + RUN + "-99999");
        assertEquals(200, last.statusCode());
        assertTrue(last.body().contains("Test Lamp 99999"));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(6)
    void replicaJoiningAfterManyUploadsStagesOnlyWhatItCanServeAndRetiredGenerationsLeaveKafka() throws Exception {
        Replica b = replicaB();
        List<Long> superseded = new ArrayList<>();
        long active = -1;
        for (int upload = 0; upload < 8; upload++) {
            active = upload(TestCatalogues.ndjson("JOIN" + upload + "-" + RUN, 200), null).getLong("generation");
            superseded.add(active);
        }
        superseded.remove(active);
        long due = active;
        long later = upload(TestCatalogues.ndjson("LATER-" + RUN, 30), Instant.now().plus(Duration.ofHours(1)))
                .getLong("generation");
        awaitActive(due, b, Duration.ofSeconds(60));

        try (Replica c = startReplica("join-" + RUN)) {
            assertEquals(due, activeOn(c));
            for (long retired : superseded) {
                // known from its commit and skipped, or (when already taken off Kafka) never seen
                HttpResponse<String> view = c.get("/api/catalog/generations/" + retired);
                assertTrue(view.statusCode() == 404 || view.statusCode() == 200
                        && JsonPath.from(view.body()).get("stagingMillis") == null
                        && "RETIRED".equals(JsonPath.from(view.body()).getString("state")),
                        "generation " + retired + " was not staged on the joining replica: " + view.body());
            }
            JsonPath laterOnC = JsonPath.from(c.get("/api/catalog/generations/" + later).body());
            assertEquals("STAGED", laterOnC.getString("state"), "the generation due later is staged in advance");
            for (String path : List.of("/api/catalog/products/JOIN7-" + RUN + "-0",
                    "/api/catalog/products/JOIN7-" + RUN + "-199", "/api/catalog/products?q=lamp&sort=-price&size=7",
                    "/api/catalog/categories")) {
                io.restassured.response.Response onA = given().when().get(path);
                for (Replica other : List.of(b, c)) {
                    HttpResponse<String> answer = other.get(path);
                    assertEquals(200, answer.statusCode(), path);
                    assertEquals(onA.asString(), answer.body(), path + ": the same bytes on every replica");
                    assertEquals(String.valueOf(due), answer.headers().firstValue("X-Catalog-Generation").orElse(""));
                    if (onA.header("ETag") != null) {
                        assertEquals(onA.header("ETag"), answer.headers().firstValue("ETag").orElse(""), path);
                    }
                }
            }
            assertEquals(404, c.get("/api/catalog/products/JOIN6-" + RUN + "-0").statusCode(),
                    "nothing of a superseded generation is served");
        }

        // every generation before the active one leaves Kafka once the active one was served for the grace period
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(firstOffset() == due - 1 && uploadTopics().size() == 2) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(due - 1, firstOffset(), "the commits before the active generation's are deleted");
        List<ConsumerRecord<String, String>> commits = Kafka.readAll(topic());
        assertEquals(List.of(due - 1, later - 1), commits.stream().map(ConsumerRecord::offset).toList(),
                "only the commits of the active and the later generation can still be read");
        assertEquals(commits.stream().map(c -> topic() + ".upload-" + c.key()).collect(Collectors.toSet()),
                uploadTopics(), "only the upload topics of the active and the later generation are left");
    }

    private static String replaceLine(String[] lines, int index, String replacement) {
        String[] copy = lines.clone();
        copy[index] = replacement;
        return String.join("\n", copy) + "\n";
    }

    /** The test's replica creates the topic when it first reaches Kafka. */
    private static void awaitTopicReadable() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                endOffset();
                return;
            } catch (Exception e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }
}
