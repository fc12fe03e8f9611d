package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.Await;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.LogCapture;
import dev.bricks.testing.RecordedSpans;
import dev.bricks.testing.TestTokens;
import dev.bricks.testing.Traceparents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A checkout's trace goes on in the order brick: the drained record's, the database insert's, the log's. */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class TracesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "bricks.orders.topic")
    String topic;

    @Inject
    RecordedSpans spans;

    @Test
    void anOrderIsStoredInTheTraceOfItsCheckoutUnderTheConsumeSpanAndItsLogLineNamesTheTrace() {
        Traceparents checkout = Traceparents.sampled();
        OrderPlaced order = OrderRecords.order();

        try (LogCapture log = LogCapture.of("dev.bricks.order.drain")) {
            Kafka.publish(topic, order.orderId(), OrderRecords.json(order),
                    Map.of(Traceparents.HEADER, checkout.header()));
            LogCapture.Line stored = log.await(line -> line.message().equals("order " + order.orderId() + " stored"),
                    WAIT, "saying the order was stored");
            assertEquals(checkout.traceId(), stored.traceId(), stored.toString());
        }
        assertEquals(1, OrdersDb.orders(List.of(UUID.fromString(order.orderId()))));

        Await.until(WAIT, "the consume span and the insert of the order in the checkout's trace",
                () -> consumeSpan(checkout).isPresent() && insertInto(checkout, "orders").isPresent());
        SpanData consume = consumeSpan(checkout).orElseThrow();
        assertEquals(checkout.spanId(), consume.getParentSpanId(), "the consume span continues the checkout's");
        SpanData insert = insertInto(checkout, "orders").orElseThrow();
        assertTrue(ancestors(checkout, insert).contains(consume.getSpanId()),
                "the insert " + statement(insert) + " is under the consume span " + consume.getName());
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestThatMetIt() {
        Traceparents request = Traceparents.sampled();

        given().auth().oauth2(TestTokens.staff(UUID.randomUUID().toString(), "staff@bricks.test"))
                .header(Traceparents.HEADER, request.header())
                .when().get("/api/orders/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("traceId", equalTo(request.traceId()));
    }

    private Optional<SpanData> consumeSpan(Traceparents checkout) {
        return spans.ofTrace(checkout.traceId()).stream()
                .filter(span -> span.getKind() == SpanKind.CONSUMER && span.getName().contains(topic)).findFirst();
    }

    /** The span of the SQL statement that inserts into {@code table} (the order is one statement with CTEs). */
    private Optional<SpanData> insertInto(Traceparents checkout, String table) {
        return spans.ofTrace(checkout.traceId()).stream()
                .filter(span -> span.getKind() == SpanKind.CLIENT
                        && statement(span).toLowerCase(Locale.ROOT).contains("insert into " + table + " "))
                .findFirst();
    }

    private static String statement(SpanData span) {
        String text = span.getAttributes().get(AttributeKey.stringKey("db.query.text"));
        text = text != null ? text : span.getAttributes().get(AttributeKey.stringKey("db.statement"));
        return text != null ? text : span.getName();
    }

    /** The span ids above {@code span} in its trace, nearest first. */
    private List<String> ancestors(Traceparents trace, SpanData span) {
        Map<String, SpanData> byId = spans.ofTrace(trace.traceId()).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        List<String> chain = new ArrayList<>();
        for (SpanData at = byId.get(span.getParentSpanId()); at != null; at = byId.get(at.getParentSpanId())) {
            chain.add(at.getSpanId());
        }
        return chain;
    }
}
