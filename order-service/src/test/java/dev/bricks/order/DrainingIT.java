package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.Await;
import dev.bricks.order.support.Metrics;
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

        OrdersDb.assertEachStoredOnce(List.of(id(order)), 2, 1);
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
    void theDrainedOrdersMetricMovesByWhatWasDrainedAndConsumerLagIsAMetric() {
        double stored = drained("stored");
        double duplicates = drained("duplicate");
        double deadLettered = drained("dead_lettered");
        String key = UUID.randomUUID().toString(); // one key: one partition, drained in this order
        List<OrderPlaced> orders = List.of(OrderRecords.order(), OrderRecords.order(), OrderRecords.order());
        orders.forEach(order -> Kafka.publish(topic, key, OrderRecords.json(order)));
        Kafka.publish(topic, key, OrderRecords.json(orders.get(0))); // redelivered
        Kafka.publish(topic, key, "{\"schemaVersion\":1,\"orderId\":"); // unparseable
        OrderPlaced last = OrderRecords.order();
        Kafka.publish(topic, key, OrderRecords.json(last));

        Await.until(WAIT, "the last order and its metric",
                () -> OrdersDb.orders(List.of(id(last))) == 1 && drained("stored") >= stored + 4);
        Await.until(WAIT, "the dead letter's metric", () -> drained("dead_lettered") >= deadLettered + 1);
        assertEquals(4, drained("stored") - stored, "stored");
        assertEquals(1, drained("duplicate") - duplicates, "duplicates");
        assertEquals(1, drained("dead_lettered") - deadLettered, "dead-lettered");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_consumer_fetch_manager_records_lag"));
    }

    @Test
    void anOrderTheDatabaseRefusesIsDeadLetteredWithTheReasonAndTheNextOrderIsStored() {
        OrderPlaced refused = OrderRecords.order();
        OrderPlaced next = OrderRecords.order();
        String constraint = "it_refuse_" + UUID.randomUUID().toString().replace("-", "");
        // the database refuses this one customer's orders (SQLSTATE 23514): retrying could never store it
        OrdersDb.execute("alter table orders add constraint " + constraint + " check (email <> '" + refused.email()
                + "') not valid");
        try {
            Kafka.publish(topic, refused.orderId(), OrderRecords.json(refused));
            Kafka.publish(topic, refused.orderId(), OrderRecords.json(next)); // same key: drained after it
            Await.until(WAIT, "the order after the refused one", () -> OrdersDb.orders(List.of(id(next))) == 1);
            List<ConsumerRecord<String, String>> dead = new java.util.ArrayList<>();
            Await.until(WAIT, "the refused order on the dead-letter topic", () -> {
                dead.clear();
                Kafka.readAll(deadLetterTopic).stream().filter(r -> refused.orderId().equals(r.key()))
                        .forEach(dead::add);
                return !dead.isEmpty();
            });
            assertEquals(1, dead.size(), "dead letters of the refused order");
            assertEquals(OrderRecords.json(refused), dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").contains(constraint),
                    "reason: " + header(dead.get(0), "dead-letter-reason"));
            assertEquals(0, OrdersDb.orders(List.of(id(refused))));
        } finally {
            OrdersDb.execute("alter table orders drop constraint if exists " + constraint);
        }
    }

    private static double drained(String outcome) {
        String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Metrics.value(page, "orders_drained_total", "outcome=\"" + outcome + "\"");
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
