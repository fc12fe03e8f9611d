package dev.bricks.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.CatalogStub;
import dev.bricks.cart.support.Shopper;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.RecordedSpans;
import dev.bricks.testing.Traceparents;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A shopper's trace through the cart brick: the price calls carry it to the catalog, the Redis
 * commands and the Kafka publish are spans of it, and the OrderPlaced record carries it to the order brick.
 */
@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class TracesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RecordedSpans spans;

    @Test
    void aCheckoutCarriesTheShoppersTraceToTheCatalogAndOnTheOrderPlacedRecord() throws Exception {
        Traceparents shopper = Traceparents.sampled();
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String sku = Shopper.product("Traced brick", "4.20");

        customer.request().header(Traceparents.HEADER, shopper.header()).contentType("application/json")
                .body("{\"quantity\":2}").put("/api/carts/{id}/items/{sku}", cart, sku).then().statusCode(200);
        String orderId = customer.request().header(Traceparents.HEADER, shopper.header())
                .post("/api/carts/{id}/checkout", cart).then().statusCode(202).extract().path("orderId");

        assertEquals(shopper.traceId(), Traceparents.traceIdOf(CatalogStub.get().traceparentFor(sku)),
                "the price call continues the shopper's trace");
        List<ConsumerRecord<String, String>> records = Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId);
        assertEquals(1, records.size());
        Header traceparent = records.get(0).headers().lastHeader(Traceparents.HEADER);
        assertNotNull(traceparent, "the OrderPlaced record carries a traceparent");
        String sent = new String(traceparent.value(), StandardCharsets.UTF_8);
        assertEquals(shopper.traceId(), Traceparents.traceIdOf(sent));
        assertNotEquals(shopper.spanId(), sent.split("-")[2], "its parent is the cart's publish span");

        awaitSpan(shopper, "the Kafka publish", span -> span.getKind() == SpanKind.PRODUCER
                && span.getName().contains(CartTestEnvironment.ordersTopic()));
        awaitSpan(shopper, "a Redis command", span -> span.getKind() == SpanKind.CLIENT
                && "redis".equals(dbSystem(span)));
        awaitSpan(shopper, "the price call", span -> span.getKind() == SpanKind.CLIENT
                && span.getName().startsWith("GET"));
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestThatMetIt() {
        Traceparents request = Traceparents.sampled();

        Shopper.customer().request().header(Traceparents.HEADER, request.header())
                .get("/api/carts/{id}", "AAAAAAAAAAAAAAAAAAAAAA")
                .then().statusCode(404).contentType("application/problem+json")
                .body("traceId", equalTo(request.traceId()));
    }

    private static String dbSystem(SpanData span) {
        String system = span.getAttributes().get(AttributeKey.stringKey("db.system.name"));
        return system != null ? system : span.getAttributes().get(AttributeKey.stringKey("db.system"));
    }

    private void awaitSpan(Traceparents trace, String what, Predicate<SpanData> matching) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (spans.ofTrace(trace.traceId()).stream().noneMatch(matching)) {
            assertTrue(System.nanoTime() < deadline, "no span for " + what + " in the shopper's trace; it has "
                    + spans.ofTrace(trace.traceId()).stream().map(SpanData::getName).toList());
            Thread.sleep(100);
        }
    }
}
