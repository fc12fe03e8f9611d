package dev.bricks.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bricks.catalog.support.GoldenGeneration;
import dev.bricks.catalog.support.Replica;
import dev.bricks.catalog.support.TestCatalogues;
import dev.bricks.testing.Golden;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.Launcher;
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
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
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
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * orphan-upload-age of every replica here (application.properties %test, startReplica): above any upload's (the
     * 100,000-product upload is accepted in about 5 s in CI).
     */
    private static final Duration ORPHAN_AGE = Duration.ofSeconds(30);
    private static Replica replicaB;
    /** An upload that died before its commit, left on Kafka by test 2 and checked by test 8. */
    private static String orphanUpload;
    private static Instant orphanPlantedAt;

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
                "bricks.catalog.housekeeping-every=2s", "bricks.catalog.startup-kafka-wait=120s",
                "bricks.catalog.orphan-upload-age=" + ORPHAN_AGE.toSeconds() + "s")
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

    /** The upload topics but that of the upload planted as dead half-way (it leaves on its own schedule). */
    private static Set<String> uploadTopicsButTheOrphan() throws Exception {
        Set<String> topics = new HashSet<>(uploadTopics());
        topics.remove(uploadTopic(orphanUpload));
        return topics;
    }

    private static String uploadTopic(String uploadId) {
        return topic() + ".upload-" + uploadId;
    }

    private String urlA() {
        return replicaA.toString().replaceAll("/$", "");
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An upload through the replica at {@code url}, as staff; its 202 answer. */
    private static JsonPath post(String url, String token, String ndjson) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/catalog/generations"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        return JsonPath.from(answer.body());
    }

    /** Product lines as TestCatalogues writes them, which is their canonical form. */
    private static List<String> lines(String skuPrefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> TestCatalogues.line(skuPrefix + "-" + i, i)).toList();
    }

    /** SHA-256 over the canonical lines, each ended by a newline, computed here. */
    private static String checksum(List<String> lines) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        lines.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String newUploadId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    /** A chunk record as a replica writes it: the golden sample's shape, with these products. */
    private static ProducerRecord<String, String> chunk(String uploadId, int index, List<String> lines)
            throws Exception {
        ObjectNode chunk = (ObjectNode) JSON.readTree(Golden.text(GoldenGeneration.CHUNK));
        chunk.put("uploadId", uploadId).put("index", index);
        chunk.set("products", JSON.readTree("[" + String.join(",", lines) + "]"));
        return typed(new ProducerRecord<>(uploadTopic(uploadId), 0, uploadId, JSON.writeValueAsString(chunk)),
                "catalog.generation.chunk");
    }

    /** A commit record as a replica writes it (golden sample's shape), due now. */
    private static ProducerRecord<String, String> commit(String uploadId, int products, int chunks, String checksum)
            throws Exception {
        ObjectNode commit = (ObjectNode) JSON.readTree(Golden.text(GoldenGeneration.COMMIT));
        commit.put("uploadId", uploadId).put("activateAt", Instant.now().toString()).put("products", products)
                .put("chunks", chunks).put("checksum", checksum).put("uploadedBy", "forger-" + RUN + "@bricks.test")
                .put("uploadedAt", Instant.now().toString());
        return typed(new ProducerRecord<>(topic(), 0, uploadId, JSON.writeValueAsString(commit)),
                "catalog.generation.commit");
    }

    private static ProducerRecord<String, String> typed(ProducerRecord<String, String> record, String type) {
        record.headers().add("bricks-type", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    /**
     * Writes an upload straight to Kafka, as a replica would: its topic, its chunks, then (unless null)
     * its commit; returns the generation number the commit makes, or -1.
     */
    private static long forge(String uploadId, List<ProducerRecord<String, String>> chunks,
            ProducerRecord<String, String> commit) throws Exception {
        Kafka.createTopic(uploadTopic(uploadId), 1);
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            for (ProducerRecord<String, String> chunk : chunks) {
                producer.send(chunk).get(30, TimeUnit.SECONDS);
            }
            return commit == null ? -1 : producer.send(commit).get(30, TimeUnit.SECONDS).offset() + 1;
        }
    }

    /** The replica's view of the generation once it is no longer being staged. */
    private static JsonPath decided(String url, long generation) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            HttpResponse<String> view = get(url + "/api/catalog/generations/" + generation);
            if (view.statusCode() == 200 && !"STAGING".equals(JsonPath.from(view.body()).getString("state"))) {
                return JsonPath.from(view.body());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(url + ": generation " + generation + " still undecided: " + view.body());
            }
            Thread.sleep(200);
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

        // an upload that died half-way: its topic and first chunk, never a commit. Test 8 checks it once
        // orphan-upload-age has passed; planted here so that this wait overlaps the tests in between.
        orphanUpload = newUploadId();
        forge(orphanUpload, List.of(chunk(orphanUpload, 0, lines("ORPHAN-" + RUN, 0, 3))), null);
        orphanPlantedAt = Instant.now();
    }

    @Test
    @Order(4)
    void cutoverServesNoReplicaTheNewGenerationBeforeItsInstantNorAStaleBodyOrEtagAfterIt() throws Exception {
        Replica b = replicaB();
        long old = activeOnA();
        assertEquals(old, activeOn(b), "both replicas start on the same generation");
        // two products of the active generation (test 3's) that the new one holds too: one changed, one the same
        String changed = "/api/catalog/products/LATE-" + RUN + "-42";
        String same = "/api/catalog/products/LATE-" + RUN + "-7";
        String page = "/api/catalog/products?size=1";
        io.restassured.response.Response changedBefore = given().when().get(changed);
        changedBefore.then().statusCode(200).body("name", equalTo("Test Lamp 42"));
        io.restassured.response.Response sameBefore = given().when().get(same);
        sameBefore.then().statusCode(200);
        double routedBefore = cachedReadRouteAnswers();

        // both replicas are polled (a page and both products, so the old answers are in the caches) from
        // before the upload until 2 s after the instant
        List<Observation> observations = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Instant> pollUntil = new AtomicReference<>(Instant.now().plusSeconds(60));
        ExecutorService pollers = Executors.newFixedThreadPool(2);
        List<Future<?>> polling = new ArrayList<>();
        Map<String, String> replicas = Map.of("A", urlA(), "B", b.url());
        for (Map.Entry<String, String> replica : replicas.entrySet()) {
            polling.add(pollers.submit(() -> poll(replica.getKey(), replica.getValue(), List.of(page, changed, same),
                    pollUntil, observations)));
        }
        Thread.sleep(300);
        // room for this JVM to answer its pollers on both sides of the instant after taking the upload
        Instant activateAt = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        JsonPath accepted = upload(TestCatalogues.ndjson("CUT-" + RUN, 50) + TestCatalogues.line("LATE-" + RUN + "-42",
                4242) + "\n" + TestCatalogues.line("LATE-" + RUN + "-7", 7) + "\n", activateAt);
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

        String newEtag = "\"g" + generation + "-";
        Set<String> changedBodiesAfter = new HashSet<>();
        for (String replica : List.of("A", "B")) {
            for (String path : List.of(page, changed, same)) {
                List<Observation> mine = observations.stream()
                        .filter(o -> o.replica().equals(replica) && o.path().equals(path)).toList();
                List<Observation> before = mine.stream().filter(o -> o.received().isBefore(activateAt)).toList();
                List<Observation> after = mine.stream().filter(o -> !o.sent().isBefore(activateAt)).toList();
                assertTrue(!before.isEmpty() && !after.isEmpty(),
                        "polled " + replica + " " + path + " on both sides of the instant");
                for (Observation o : before) {
                    assertEquals(String.valueOf(old), o.generation(), "before the instant: " + o);
                    if (path.equals(page)) {
                        assertEquals(old, JsonPath.from(o.body()).getLong("generation"), "before the instant: " + o);
                    } else {
                        io.restassured.response.Response first = path.equals(changed) ? changedBefore : sameBefore;
                        assertEquals(first.asString(), o.body(), "before the instant: " + o);
                        assertEquals(first.header("ETag"), o.etag(), "before the instant: " + o);
                    }
                }
                for (Observation o : after) {
                    assertEquals(200, o.status(), "after the instant: " + o);
                    assertEquals(String.valueOf(generation), o.generation(), "after the instant: " + o);
                    if (path.equals(page)) {
                        assertEquals(generation, JsonPath.from(o.body()).getLong("generation"), "after: " + o);
                    } else if (path.equals(changed)) {
                        assertEquals("Test Lamp 4242", JsonPath.from(o.body()).getString("name"), "after: " + o);
                        assertTrue(o.etag().startsWith(newEtag), "the ETag of the new generation after: " + o);
                        changedBodiesAfter.add(o.body());
                    } else {
                        assertEquals(sameBefore.asString(), o.body(), "an unchanged product, the same bytes: " + o);
                        assertTrue(o.etag().startsWith(newEtag), "the ETag changes with the generation: " + o);
                    }
                }
                System.out.printf("cutover on replica %s, %s: %d answers before %s all from generation %d,"
                        + " %d after it all from %d%n", replica, path, before.size(), activateAt, old, after.size(),
                        generation);
            }
        }
        assertEquals(1, changedBodiesAfter.size(), "one body of the changed product after the instant, on both");
        // the cached answers of both generations were written by the event-loop route (CachedReadRoute), not
        // only by the resource: the assertions above hold for the route's answers too
        assertTrue(cachedReadRouteAnswers() > routedBefore + 10, "the route answered the repeated polls");
        // a client still holding the old tags gets the new bodies, not a 304
        for (String url : replicas.values()) {
            HttpResponse<String> revalidated = HTTP.send(HttpRequest.newBuilder(URI.create(url + changed))
                    .header("If-None-Match", changedBefore.header("ETag")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, revalidated.statusCode(), url);
            assertEquals(changedBodiesAfter.iterator().next(), revalidated.body(), url);
            assertNotEquals(changedBefore.header("ETag"), revalidated.headers().firstValue("ETag").orElse(null));
            HttpResponse<String> unchanged = HTTP.send(HttpRequest.newBuilder(URI.create(url + same))
                    .header("If-None-Match", sameBefore.header("ETag")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, unchanged.statusCode(), url + ": the old generation's tag no longer matches");
        }
        given().when().get("/api/catalog/products/CUT-" + RUN + "-7").then().statusCode(200)
                .header("X-Catalog-Generation", String.valueOf(generation)).body("name", equalTo("Test Lamp 7"));
        given().when().get("/api/catalog/generations/" + generation).then().statusCode(200)
                .body("state", equalTo("ACTIVE")).body("products", equalTo(52))
                .body("checksum", equalTo(accepted.getString("checksum")));
    }

    /** Replica A's count of answers written by the cached-read route. */
    private static double cachedReadRouteAnswers() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("catalog_cached_answers_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    record Observation(String replica, String path, Instant sent, Instant received, int status, String generation,
            String etag, String body) {
        @Override
        public String toString() {
            return replica + " " + path + " sent " + sent + " received " + received + ": " + status + " generation "
                    + generation + " ETag " + etag + " " + body;
        }
    }

    private static Void poll(String name, String url, List<String> paths, AtomicReference<Instant> until,
            List<Observation> observations) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; Instant.now().isBefore(until.get()); i++) {
            String path = paths.get(i % paths.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(10))
                    .build();
            Instant sent = Instant.now();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            observations.add(new Observation(name, path, sent, Instant.now(), response.statusCode(),
                    response.headers().firstValue("X-Catalog-Generation").orElse(null),
                    response.headers().firstValue("ETag").orElse(null), response.body()));
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
    void chunksThatDoNotMatchTheirCommitLeaveTheGenerationFailedAndItIsNeverServed() throws Exception {
        Replica b = replicaB();
        long active = activeOnA();
        List<String> three = lines("FORGED-" + RUN, 0, 3);
        String rightSum = checksum(three);
        // uploads written straight to Kafka, each due at once; the start of the failure each must be given
        Map<Long, String> failures = new LinkedHashMap<>();
        String count = newUploadId();
        failures.put(forge(count, List.of(chunk(count, 0, three)), commit(count, 4, 1, rightSum)),
                "staged 3 products, the commit announces 4");
        String gap = newUploadId();
        failures.put(forge(gap, List.of(chunk(gap, 0, three.subList(0, 2)), chunk(gap, 2, three.subList(2, 3))),
                commit(gap, 3, 2, rightSum)), "chunk 2 arrived where chunk 1 was expected");
        String missing = newUploadId();
        failures.put(forge(missing, List.of(chunk(missing, 0, three)), commit(missing, 3, 2, rightSum)),
                "staged 1 chunks, the commit announces 2");
        String altered = newUploadId();
        List<String> changed = List.of(three.get(0), three.get(1).replace("\"Test Lamp 1\"", "\"Test Lamp 1b\""),
                three.get(2));
        assertNotEquals(three, changed);
        failures.put(forge(altered, List.of(chunk(altered, 0, changed)), commit(altered, 3, 1, rightSum)),
                "checksum " + checksum(changed) + " does not match the commit's " + rightSum);

        for (String url : List.of(urlA(), b.url())) {
            for (Map.Entry<Long, String> failure : failures.entrySet()) {
                JsonPath view = decided(url, failure.getKey());
                assertEquals("FAILED", view.getString("state"), url + " generation " + failure.getKey());
                assertTrue(view.getString("failure").startsWith(failure.getValue()),
                        url + " generation " + failure.getKey() + ": " + view.getString("failure"));
            }
            assertEquals(active, JsonPath.from(get(url + "/api/catalog/generations/active").body()).getLong("number"),
                    url + ": still on the generation before the forged ones");
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> product = get(url + "/api/catalog/products/FORGED-" + RUN + "-" + i);
                assertEquals(404, product.statusCode(), url + ": " + product.body());
                assertEquals(String.valueOf(active), product.headers().firstValue("X-Catalog-Generation").orElse(""));
            }
            assertEquals(200, get(url + "/q/health/ready").statusCode(), url + ": a failed generation is not awaited");
            System.out.printf("forged uploads on %s: generations %s FAILED, %d still served%n", url,
                    failures.keySet(), active);
        }
    }

    @Test
    @Order(6)
    void dueGenerationStillStagingIsAnswered503WithRetryAfterThenServedWhole100000ProductsOnBoth() throws Exception {
        Replica b = replicaB();
        String ndjson = TestCatalogues.ndjson("BIG-" + RUN, 100_000);
        long started = System.nanoTime();
        JsonPath accepted = upload(ndjson, null);
        long uploadMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long generation = accepted.getLong("generation");
        assertEquals(100_000, accepted.getInt("products"));
        // due at once (no activateAt): from when a replica knows of it until it is staged, no old answer
        ExecutorService watchers = Executors.newFixedThreadPool(2);
        Future<StagingWatch> watchA = watchers.submit(() -> watchStaging(urlA(), generation));
        Future<StagingWatch> watchB = watchers.submit(() -> watchStaging(b.url(), generation));
        Map<String, StagingWatch> watched = Map.of("A", watchA.get(150, TimeUnit.SECONDS),
                "B", watchB.get(150, TimeUnit.SECONDS));
        watchers.shutdown();
        awaitActive(generation, b, Duration.ofSeconds(30));
        long activeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        watched.forEach((replica, watch) -> {
            System.out.printf("replica %s: %d reads while generation %d was due and staging: %d answered 503 with"
                    + " Retry-After 1, %d already from it%n", replica, watch.whileStaging(), generation,
                    watch.unavailable(), watch.fromIt());
            assertEquals(List.of(), watch.wrong(), replica + ": answers while generation " + generation + " staged");
            assertTrue(watch.unavailable() > 0, replica + ": a read while it was staging answered 503");
        });
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

    /** How a replica answered reads while it knew generation n as due and still staging. */
    record StagingWatch(int whileStaging, int unavailable, int fromIt, List<String> wrong) {
    }

    private static StagingWatch watchStaging(String url, long generation) throws Exception {
        int whileStaging = 0;
        int unavailable = 0;
        int fromIt = 0;
        List<String> wrong = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(140);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> view = get(url + "/api/catalog/generations/" + generation);
            String state = view.statusCode() == 200 ? JsonPath.from(view.body()).getString("state") : null;
            if (state != null && !"STAGING".equals(state)) {
                break; // staged (or failed, which the test's own checks then report)
            }
            if (state == null) {
                Thread.sleep(20); // its commit not read yet: this replica rightly serves what it has
                continue;
            }
            HttpResponse<String> read = get(url + "/api/catalog/products?size=1");
            whileStaging++;
            String served = read.headers().firstValue("X-Catalog-Generation").orElse("");
            if (read.statusCode() == 503 && "1".equals(read.headers().firstValue("Retry-After").orElse(null))
                    && read.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                unavailable++;
            } else if (read.statusCode() == 200 && served.equals(String.valueOf(generation))) {
                fromIt++; // staged between the two requests
            } else {
                wrong.add(read.statusCode() + " X-Catalog-Generation " + served + " Retry-After "
                        + read.headers().firstValue("Retry-After").orElse("none"));
            }
        }
        return new StagingWatch(whileStaging, unavailable, fromIt, wrong);
    }

    @Test
    @Order(7)
    void uploadsToBothReplicasAtOnceGetUniqueNumbersAndAJoinerStagesOnlyWhatItCanServeAndRetiredOnesLeaveKafka()
            throws Exception {
        Replica b = replicaB();
        // eight uploads at once, four through each replica
        String token = staff();
        List<String> targets = List.of(urlA(), b.url());
        ExecutorService uploaders = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonPath>> answers = new ArrayList<>();
        for (int upload = 0; upload < 8; upload++) {
            String body = TestCatalogues.ndjson("JOIN" + upload + "-" + RUN, 200);
            String target = targets.get(upload % 2);
            answers.add(uploaders.submit(() -> {
                go.await();
                return post(target, token, body);
            }));
        }
        go.countDown();
        Map<Long, String> prefixes = new TreeMap<>();
        Map<Long, String> checksums = new HashMap<>();
        for (int upload = 0; upload < 8; upload++) {
            JsonPath accepted = answers.get(upload).get(150, TimeUnit.SECONDS);
            long number = accepted.getLong("generation");
            assertNull(prefixes.put(number, "JOIN" + upload + "-" + RUN), "generation " + number + " given twice");
            checksums.put(number, accepted.getString("checksum"));
        }
        uploaders.shutdown();
        System.out.printf("eight uploads at once through both replicas became generations %s%n", prefixes.keySet());
        List<Long> superseded = new ArrayList<>(prefixes.keySet());
        long due = superseded.remove(superseded.size() - 1);
        String duePrefix = prefixes.get(due);
        long later = upload(TestCatalogues.ndjson("LATER-" + RUN, 30), Instant.now().plus(Duration.ofHours(1)))
                .getLong("generation");
        awaitActive(due, b, Duration.ofSeconds(60));
        // each number is the commit of the upload that was given it, on both replicas
        for (Map.Entry<Long, String> number : checksums.entrySet()) {
            for (String url : targets) {
                assertEquals(number.getValue(), JsonPath.from(get(url + "/api/catalog/generations/" + number.getKey())
                        .body()).getString("checksum"), url + ": generation " + number.getKey());
            }
        }

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
            for (String path : List.of("/api/catalog/products/" + duePrefix + "-0",
                    "/api/catalog/products/" + duePrefix + "-199", "/api/catalog/products?q=lamp&sort=-price&size=7",
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
            assertEquals(404, c.get("/api/catalog/products/" + prefixes.get(superseded.get(0)) + "-0").statusCode(),
                    "nothing of a superseded generation is served");
        }

        // every generation before the active one leaves Kafka once the active one was served for the grace period
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(firstOffset() == due - 1 && uploadTopicsButTheOrphan().size() == 2) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(due - 1, firstOffset(), "the commits before the active generation's are deleted");
        List<ConsumerRecord<String, String>> commits = Kafka.readAll(topic());
        assertEquals(List.of(due - 1, later - 1), commits.stream().map(ConsumerRecord::offset).toList(),
                "only the commits of the active and the later generation can still be read");
        assertEquals(commits.stream().map(c -> topic() + ".upload-" + c.key()).collect(Collectors.toSet()),
                uploadTopicsButTheOrphan(), "only the upload topics of the active and the later generation are left");
    }

    @Test
    @Order(8)
    void uploadThatDiedHalfWayNeverBecomesAGenerationAndItsTopicIsDeletedAfterTheOrphanAge() throws Exception {
        assertTrue(orphanUpload != null, "test 2 left an upload without a commit on Kafka");
        Replica b = replicaB();
        String orphanTopic = uploadTopic(orphanUpload);
        Instant deadline = orphanPlantedAt.plus(ORPHAN_AGE).plusSeconds(60);
        while (uploadTopics().contains(orphanTopic) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertFalse(uploadTopics().contains(orphanTopic), "the topic of an upload that never committed is deleted");
        System.out.printf("the topic of the upload that died half-way was gone by %d s after it was left"
                + " (orphan-upload-age %d s)%n", Duration.between(orphanPlantedAt, Instant.now()).toSeconds(),
                ORPHAN_AGE.toSeconds());
        String orphanChecksum = checksum(lines("ORPHAN-" + RUN, 0, 3));
        for (String url : List.of(urlA(), b.url())) {
            assertEquals(404, get(url + "/api/catalog/products/ORPHAN-" + RUN + "-0").statusCode(), url);
            assertFalse(JsonPath.from(get(url + "/api/catalog/generations").body()).getList("checksum", String.class)
                    .contains(orphanChecksum), url + ": no generation was made of it");
        }
    }

    @Test
    @Order(9)
    void replicasStayReadyAndServeTheActiveGenerationWhileAllOfKafkaIsGone() throws Exception {
        Replica b = replicaB();
        long active = activeOnA();
        assertEquals(active, activeOn(b));
        List<String> paths = List.of("/api/catalog/products?q=lamp&sort=price&size=5", "/api/catalog/categories",
                "/api/catalog/products/" + activeProduct());
        Map<String, String> expected = new HashMap<>();
        for (String path : paths) {
            expected.put(path, get(urlA() + path).body());
        }
        Launcher.run("infra", "kill", "kafka-1", "kafka-2", "kafka-3");
        Instant killed = Instant.now();
        int answers = 0;
        try {
            // longer than the feed's client time-outs and retry pause, and than several housekeeping sweeps
            while (Duration.between(killed, Instant.now()).toSeconds() < 8) {
                for (String url : List.of(urlA(), b.url())) {
                    assertEquals(200, get(url + "/q/health/ready").statusCode(), url + ": ready without Kafka");
                    for (String path : paths) {
                        HttpResponse<String> answer = get(url + path);
                        assertEquals(200, answer.statusCode(), url + path);
                        assertEquals(String.valueOf(active),
                                answer.headers().firstValue("X-Catalog-Generation").orElse(""), url + path);
                        assertEquals(expected.get(path), answer.body(), url + path);
                        answers++;
                    }
                }
                Thread.sleep(250);
            }
            // the outage was real: no broker answers
            Admin admin = Kafka.admin();
            try {
                assertThrows(TimeoutException.class, () -> admin.listTopics().names().get(3, TimeUnit.SECONDS));
            } finally {
                admin.close(Duration.ZERO);
            }
        } finally {
            long restarting = System.nanoTime();
            Launcher.run("infra", "start", "kafka");
            System.out.printf("all of Kafka killed: %d answers of both replicas in %d s, all ready and from generation"
                    + " %d; Kafka back after %d ms%n", answers, Duration.between(killed, Instant.now()).toSeconds(),
                    active, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarting));
        }
    }

    /** A product of the active generation. */
    private static String activeProduct() {
        return given().when().get("/api/catalog/products?size=1").then().statusCode(200).extract()
                .path("items[0].sku");
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
