package dev.bricks.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.support.OwnTopicProfile;
import dev.bricks.catalog.support.TestCatalogues;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.LogCapture;
import dev.bricks.testing.RecordedSpans;
import dev.bricks.testing.TestTokens;
import dev.bricks.testing.Traceparents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * An upload's trace crosses Kafka: the replica that publishes it and every replica that stages it
 * (here the test's own, reading the topic like any other) log under the upload's trace id, and the
 * staging span continues the publish span.
 */
@QuarkusTest
@TestProfile(OwnTopicProfile.class)
class TracesIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    @Inject
    RecordedSpans spans;

    static {
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .encodeContentTypeAs("application/x-ndjson", ContentType.TEXT));
    }

    @AfterAll
    static void deleteTheTopics() throws Exception {
        String topic = ConfigProvider.getConfig().getValue("bricks.catalog.topic", String.class);
        try (Admin admin = Kafka.admin()) {
            for (String name : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
                if (name.startsWith(topic + ".upload-")) {
                    Kafka.deleteTopic(name);
                }
            }
        }
        Kafka.deleteTopic(topic);
    }

    @Test
    void theUploadsPublishedAndStagedLogLinesAndSpansAreOfTheUploadsTrace() {
        Traceparents upload = Traceparents.sampled();
        String staff = TestTokens.staff("staff-" + RUN, "staff-" + RUN + "@bricks.test");

        try (LogCapture log = LogCapture.of("dev.bricks.catalog")) {
            long generation = given().auth().oauth2(staff).header(Traceparents.HEADER, upload.header())
                    .contentType("application/x-ndjson")
                    .body(TestCatalogues.ndjson("TRACE-" + RUN, 5).getBytes(StandardCharsets.UTF_8))
                    .when().post("/api/catalog/generations")
                    .then().statusCode(202).extract().jsonPath().getLong("generation");

            LogCapture.Line published = log.await(line -> line.message().startsWith("generation " + generation
                    + " published"), WAIT, "saying generation " + generation + " was published");
            assertEquals(upload.traceId(), published.traceId(), published.toString());
            LogCapture.Line staged = log.await(line -> line.message().startsWith("generation " + generation
                    + " staged"), WAIT, "saying generation " + generation + " was staged");
            assertEquals(upload.traceId(), staged.traceId(), staged.toString());
        }

        SpanData publish = awaitSpan(upload, "the publish", span -> span.getKind() == SpanKind.PRODUCER);
        SpanData staging = awaitSpan(upload, "the staging", span -> span.getKind() == SpanKind.CONSUMER);
        assertEquals(publish.getSpanId(), staging.getParentSpanId(), "the staging continues the publish span");
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestThatMetIt() {
        Traceparents request = Traceparents.sampled();

        given().header(Traceparents.HEADER, request.header())
                .when().get("/api/catalog/products/NOPE-" + RUN)
                .then().statusCode(404).contentType("application/problem+json")
                .body("traceId", equalTo(request.traceId()));
    }

    private SpanData awaitSpan(Traceparents trace, String what, Predicate<SpanData> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            var found = spans.ofTrace(trace.traceId()).stream().filter(matching).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            assertTrue(System.nanoTime() < deadline, "no span for " + what + " in the upload's trace; it has "
                    + spans.ofTrace(trace.traceId()).stream().map(SpanData::getName).toList());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
