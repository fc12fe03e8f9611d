package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.Await;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.Kafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class DrainingIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @ConfigProperty(name = "bricks.orders.topic")
    String topic;

    @ConfigProperty(name = "bricks.orders.dlq-topic")
    String deadLetterTopic;

    private static UUID id(OrderPlaced order) {
        return UUID.fromString(order.orderId());
    }

    @Test
    void theSameRecordPublishedTwiceStoresOneOrder() {
        OrderPlaced order = OrderRecords.order();
        OrderPlaced after = OrderRecords.order();
        String key = order.orderId();
        Kafka.publish(topic, key, OrderRecords.json(order));
        Kafka.publish(topic, key, OrderRecords.json(order));
        // Same key, same partition: once the record after both copies is stored, both copies were drained.
        Kafka.publish(topic, key, OrderRecords.json(after));
        Await.until(WAIT, "the order published after the duplicate",
                () -> OrdersDb.orders(List.of(id(after))) == 1);

        assertEquals(1, OrdersDb.orders(List.of(id(order))));
        assertEquals(2, OrdersDb.count("order_lines", List.of(id(order))));
        assertEquals(1, OrdersDb.count("order_status_history", List.of(id(order))));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicWithTheirReasonAndTheNextRecordIsStored() {
        String key = "poison-" + UUID.randomUUID();
        OrderPlaced good = OrderRecords.order();
        String valid = OrderRecords.json(OrderRecords.order());
        Map<String, String> poison = Map.of(
                "unparseable", "{\"schemaVersion\":1,\"orderId\":",
                "unknown schemaVersion 9", valid.replace("\"schemaVersion\":1", "\"schemaVersion\":9"),
                "is not the sum of its lines", valid.replace("\"total\":\"28.99\"", "\"total\":\"1.00\""),
                "bad currency 'XXY'", valid.replace("\"currency\":\"EUR\"", "\"currency\":\"XXY\""));
        poison.forEach((reason, value) -> Kafka.publish(topic, key + "|" + reason, value));
        Kafka.publish(topic, key, OrderRecords.json(good));

        Await.until(WAIT, "the good record after the poison ones", () -> OrdersDb.orders(List.of(id(good))) == 1);
        List<ConsumerRecord<String, String>> dead = Kafka.readAll(deadLetterTopic, poison.size(), WAIT)
                .stream().filter(r -> r.key() != null && r.key().startsWith(key)).toList();
        Map<String, String> reasons = dead.stream().collect(Collectors.toMap(
                r -> r.key().substring(key.length() + 1), r -> header(r, "dead-letter-reason")));
        assertEquals(poison.keySet(), reasons.keySet(), "one dead letter per poison record");
        reasons.forEach((expected, reason) -> assertTrue(reason.contains(expected),
                "reason '" + reason + "' should say '" + expected + "'"));
        dead.forEach(r -> assertEquals(poison.get(r.key().substring(key.length() + 1)), r.value(),
                "the dead letter carries the original value"));
    }

    @Test
    void drainedOrdersAndConsumerLagAreMetrics() {
        OrderPlaced order = OrderRecords.order();
        Kafka.publish(topic, order.orderId(), OrderRecords.json(order));
        Await.until(WAIT, "the order", () -> OrdersDb.orders(List.of(id(order))) == 1);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("orders_drained_total{outcome=\"stored\""))
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void amountsKeepTheirDecimalsAsStored() {
        OrderPlaced order = OrderRecords.order();
        Kafka.publish(topic, order.orderId(), OrderRecords.json(order));
        Await.until(WAIT, "the order", () -> OrdersDb.orders(List.of(id(order))) == 1);
        String total = given().auth().oauth2(dev.bricks.testing.TestTokens.staff(UUID.randomUUID().toString(),
                "staff@example.com")).get("/api/orders/" + order.orderId()).then().statusCode(200)
                .extract().path("total");
        assertEquals(new BigDecimal("28.99"), new BigDecimal(total));
        assertEquals("28.99", total);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
