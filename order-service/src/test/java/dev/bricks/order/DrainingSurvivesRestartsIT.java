package dev.bricks.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.Await;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceProcess;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.Kafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The packaged order-service as a separate process on its own topic: stopped while orders are
 * published, killed with SIGKILL in the middle of draining, and one of two replicas stopped while
 * both drain. Every order must end up stored exactly once.
 */
class DrainingSurvivesRestartsIT {

    private static final int ORDERS = 500;
    private static final Duration START = Duration.ofSeconds(240);
    private static final Duration DRAIN = Duration.ofSeconds(180);

    private static List<UUID> publish(String topic, int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OrderPlaced order = OrderRecords.order();
                ids.add(UUID.fromString(order.orderId()));
                acks.add(producer.send(new ProducerRecord<>(topic, order.orderId(), OrderRecords.json(order))));
            }
            for (var ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        return ids;
    }

    private static void assertStoredOnce(List<UUID> ids) {
        OrdersDb.assertEachStoredOnce(ids, 2, 1); // two lines and the PLACED history row, per order
    }

    @Test
    void ordersPublishedWhileTheServiceIsStoppedAreAllStoredOnceWhenItStarts() throws Exception {
        String topic = Kafka.freshTopic("it.restart.orders.placed", 3);
        String dlq = Kafka.freshTopic("it.restart.orders.placed.dlq", 1);
        String group = "it-restart-" + UUID.randomUUID();
        OrderServiceProcess first = OrderServiceProcess.start(topic, dlq, group, "restart-first");
        try (first) {
            first.awaitReady(START);
            first.stop();
        }
        List<UUID> ids = publish(topic, ORDERS);
        assertEquals(0, OrdersDb.orders(ids), "nothing drains while the service is stopped");

        try (OrderServiceProcess second = first.restart()) {
            second.awaitReady(START);
            Await.until(DRAIN, ORDERS + " orders stored", () -> OrdersDb.orders(ids) == ORDERS);
            assertStoredOnce(ids);
            assertEquals(ORDERS, (int) second.metric("orders_drained_total{outcome=\"stored\"}"));
        }
    }

    @Test
    void aReplicaStoppedWhileDrainingLeavesTheRestToTheOtherAndEveryOrderIsStoredOnce() throws Exception {
        String topic = Kafka.freshTopic("it.handover.orders.placed", 3);
        String dlq = Kafka.freshTopic("it.handover.orders.placed.dlq", 1);
        String group = "it-handover-" + UUID.randomUUID();
        try (OrderServiceProcess stopping = OrderServiceProcess.start(topic, dlq, group, "handover-stopping");
                OrderServiceProcess staying = OrderServiceProcess.start(topic, dlq, group, "handover-staying")) {
            stopping.awaitReady(START);
            staying.awaitReady(START);
            List<UUID> ids = publish(topic, 2 * ORDERS);
            Await.until(START, "draining to be under way", () -> OrdersDb.orders(ids) >= 100);
            long stopAt = System.nanoTime();
            assertTrue(stopping.stop(), "the stopping replica ends by its own shutdown, not by SIGKILL");
            long stopMillis = (System.nanoTime() - stopAt) / 1_000_000;
            long storedAtStop = OrdersDb.orders(ids);

            Await.until(DRAIN, 2 * ORDERS + " orders stored", () -> OrdersDb.orders(ids) == 2 * ORDERS);
            assertStoredOnce(ids);
            System.out.printf("[figure] replica stopped with %d of %d orders stored, its shutdown took %d ms;"
                    + " longest pause between two stored orders: %d ms%n",
                    storedAtStop, 2 * ORDERS, stopMillis, OrdersDb.longestPauseMillis(ids));
            // once its shutdown began the replica took no record on: it never met its closed database
            assertFalse(stopping.log().contains("cannot store order"),
                    "the stopping replica tried to store an order after its database was closed");
        }
    }

    @Test
    void ordersDrainedWhileTheServiceIsKilledHardAreAllStoredOnceAfterARestart() throws Exception {
        String topic = Kafka.freshTopic("it.kill.orders.placed", 3);
        String dlq = Kafka.freshTopic("it.kill.orders.placed.dlq", 1);
        String group = "it-kill-" + UUID.randomUUID();
        List<UUID> ids = publish(topic, ORDERS);

        long storedAtKill;
        OrderServiceProcess first = OrderServiceProcess.start(topic, dlq, group, "kill-first");
        try (first) {
            Await.until(START, "draining to be under way", () -> OrdersDb.orders(ids) >= 25);
            first.kill();
            Thread.sleep(500); // a commit already on its way to the database when the process died
            storedAtKill = OrdersDb.orders(ids);
        }
        System.out.printf("[figure] killed (SIGKILL) with %d of %d orders stored%n", storedAtKill, ORDERS);
        assertTrue(storedAtKill > 0 && storedAtKill < ORDERS,
                "the kill must land in the middle of draining, it landed at " + storedAtKill);

        try (OrderServiceProcess second = first.restart()) {
            second.awaitReady(START);
            Await.until(DRAIN, ORDERS + " orders stored", () -> OrdersDb.orders(ids) == ORDERS);
            assertStoredOnce(ids);
            double stored = second.metric("orders_drained_total{outcome=\"stored\"}");
            double duplicates = second.metric("orders_drained_total{outcome=\"duplicate\"}");
            System.out.printf("[figure] after the restart: %.0f stored,"
                    + " %.0f redelivered records found already stored%n",
                    stored, duplicates);
            assertEquals(ORDERS - storedAtKill, (long) stored, "the restart stores exactly the missing orders");
        }
    }
}
