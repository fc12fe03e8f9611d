package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.Await;
import dev.bricks.order.support.Metrics;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceProcess;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.order.support.OrdersDatabaseOutage;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.Launcher;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * "A database outage pauses draining; nothing is skipped", against the real servers: the whole
 * Patroni cluster is stopped while orders are published, then brought back; a packaged order-service
 * stopped (SIGTERM) during that outage leaves the record it could not store unacknowledged. And a
 * failover (the primary killed, a standby promoted) while orders are drained stores each of them once.
 */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
@TestProfile(DrainingPausesWhileTheDatabaseIsDownIT.OwnApplication.class)
class DrainingPausesWhileTheDatabaseIsDownIT {

    /**
     * An application of its own, so that {@link OrderServiceTestResources} gives it fresh topics and a
     * fresh consumer group (its dead-letter topic must stay empty, which the poison records of
     * {@link DrainingIT} would spoil on a shared one), with a poll interval shorter than the outage:
     * a drain that stopped polling Kafka while it waits for the database would be thrown out of its
     * consumer group, as it would be in production by an outage longer than the default 5 minutes.
     */
    public static class OwnApplication implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.orders-placed.max.poll.interval.ms",
                    String.valueOf(MAX_POLL_INTERVAL.toMillis()));
        }
    }

    private static final Duration MAX_POLL_INTERVAL = Duration.ofSeconds(3);

    private static final int ORDERS = 50;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration START = Duration.ofSeconds(240);
    private static final int FAILOVER_ORDERS = 500;
    private static final Duration FAILOVER = Duration.ofSeconds(120);

    @ConfigProperty(name = "bricks.orders.topic")
    String topic;

    @ConfigProperty(name = "bricks.orders.dlq-topic")
    String deadLetterTopic;

    /** The drain's counters at one moment. */
    private record Drained(double stored, double duplicates, double deadLettered, double databaseRetries) {

        static Drained now() {
            String page = given().get("/q/metrics").then().statusCode(200).extract().asString();
            return new Drained(
                    Metrics.value(page, "orders_drained_total", "outcome=\"stored\""),
                    Metrics.value(page, "orders_drained_total", "outcome=\"duplicate\""),
                    Metrics.value(page, "orders_drained_total", "outcome=\"dead_lettered\""),
                    Metrics.value(page, "orders_drain_database_retries_total", null));
        }
    }

    private List<UUID> publish(int count) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            List<Future<?>> acks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                OrderPlaced order = OrderRecords.order();
                ids.add(UUID.fromString(order.orderId()));
                acks.add(producer.send(new ProducerRecord<>(topic, order.orderId(), OrderRecords.json(order))));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        }
        return ids;
    }

    /** Publishes one order and returns its offset in the (single-partition) topic. */
    private static long publishOne(String topic, OrderPlaced order) throws Exception {
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            return producer.send(new ProducerRecord<>(topic, order.orderId(), OrderRecords.json(order)))
                    .get(30, TimeUnit.SECONDS).offset();
        }
    }

    /** The offset the consumer group committed on partition 0 of the topic; -1 if it committed none. */
    private static long committed(String group, String topic) {
        try (Admin admin = Kafka.admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group, e);
        }
    }

    /** How many of these orders are stored; -1 while no primary answers this test's own query. */
    private static long storedDuringAFailover(List<UUID> ids) {
        try {
            return OrdersDb.orders(ids);
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static int status(String path) {
        return given().get(path).then().extract().statusCode();
    }

    @Test
    void ordersPublishedWhileTheDatabaseIsDownWaitForItAndAreAllStoredOnceNoneDeadLettered() throws Exception {
        // A packaged order-service of its own, stopped (SIGTERM) during the outage below.
        String stoppedTopic = Kafka.freshTopic("it.sigterm.orders.placed", 1);
        String stoppedGroup = "it-sigterm-" + UUID.randomUUID();
        OrderServiceProcess stopped = OrderServiceProcess.start(stoppedTopic,
                Kafka.freshTopic("it.sigterm.orders.placed.dlq", 1), stoppedGroup, "sigterm-first");
        // Draining is under way: the consumer has its partitions and the pool its connections.
        OrderPlaced first = OrderRecords.order();
        Kafka.publish(topic, first.orderId(), OrderRecords.json(first));
        Await.until(WAIT, "the first order", () -> OrdersDb.orders(List.of(UUID.fromString(first.orderId()))) == 1);
        Drained before = Drained.now();
        OrderPlaced warmUp = OrderRecords.order();
        OrderPlaced cutOff = OrderRecords.order();
        OrderServiceProcess restarted = null;
        try {
            stopped.awaitReady(START);
            long warmUpOffset = publishOne(stoppedTopic, warmUp);
            Await.until(WAIT, "the packaged service to store an order and commit its offset",
                    () -> OrdersDb.orders(List.of(UUID.fromString(warmUp.orderId()))) == 1
                            && committed(stoppedGroup, stoppedTopic) == warmUpOffset + 1);

            List<UUID> ids;
            long down;
            long published;
            long up;
            try (OrdersDatabaseOutage outage = OrdersDatabaseOutage.begin()) {
                down = System.nanoTime();
                ids = publish(ORDERS);
                published = System.nanoTime();
                sigtermWhileTheDatabaseIsDown(stopped, stoppedGroup, stoppedTopic, cutOff);
                // The same record fails, waits and is tried again: draining is paused on it, not moving past it.
                Await.until(WAIT, "the drain to retry the unreachable database",
                        () -> Drained.now().databaseRetries() >= before.databaseRetries() + 2);
                Drained paused = Drained.now();
                assertEquals(before.stored(), paused.stored(), "no order stored while the database is down");
                assertEquals(before.duplicates(), paused.duplicates(),
                        "no order found already stored while it is down");
                assertEquals(before.deadLettered(), paused.deadLettered(), "no order dead-lettered while it is down");
                assertEquals(0, Kafka.recordCount(deadLetterTopic),
                        "records on the dead-letter topic during the outage");
                assertEquals(200, status("/q/health/live"), "a paused drain is not a dead service");
                long t = System.nanoTime();
                int ready = status("/q/health/ready");
                System.out.printf("[figure] readiness during the outage: %d (answered in %d ms)%n", ready,
                        (System.nanoTime() - t) / 1_000_000);
                assertEquals(503, ready, "not ready while the orders database does not answer");
                // Paused for longer than the poll interval: only a consumer that kept polling keeps its partitions.
                long held = System.nanoTime() - published;
                Thread.sleep(Math.max(0, MAX_POLL_INTERVAL.plusSeconds(1).toMillis() - held / 1_000_000));
                System.out.printf("[figure] outage: %.0f database retries, nothing stored or dead-lettered%n",
                        Drained.now().databaseRetries() - before.databaseRetries());
            } finally {
                up = System.nanoTime();
            }
            restarted = stopped.restart(); // starts while the in-process drain catches up

            Await.until(WAIT, ORDERS + " orders stored after the database came back",
                    () -> OrdersDb.orders(ids) == ORDERS);
            long drained = System.nanoTime();
            System.out.printf("[figure] database unreachable for %.1f s (last node stopped → infra up returned), "
                    + "orders waiting for it %.1f s; all %d stored %.1f s after infra up returned%n",
                    (up - down) / 1e9, (up - published) / 1e9, ORDERS, (drained - up) / 1e9);
            OrdersDb.assertEachStoredOnce(ids, 2, 1); // two lines and the PLACED history row, per order

            Drained after = Drained.now();
            assertEquals(ORDERS, after.stored() - before.stored(), "orders stored by the drain");
            // A record found already stored would be a redelivery: the consumer lost its partitions (thrown
            // out of the group) while it waited for the database and got them back from the committed offset.
            assertEquals(0, after.duplicates() - before.duplicates(), "records delivered twice");
            assertEquals(0, after.deadLettered() - before.deadLettered(), "records dead-lettered");
            assertEquals(0, Kafka.recordCount(deadLetterTopic), "records on the dead-letter topic");
            Await.until(WAIT, "readiness once the database is back", () -> status("/q/health/ready") == 200);

            // The record left unacknowledged by the SIGTERM is delivered again to the next process, stored once.
            restarted.awaitReady(START);
            Await.until(WAIT, "the order cut off by the SIGTERM, after a restart",
                    () -> OrdersDb.orders(List.of(UUID.fromString(cutOff.orderId()))) == 1);
            OrdersDb.assertEachStoredOnce(List.of(UUID.fromString(warmUp.orderId()),
                    UUID.fromString(cutOff.orderId())), 2, 1);
            assertEquals(1, restarted.metric("orders_drained_total", "outcome=\"stored\""),
                    "orders stored by the restarted service");
            assertEquals(0, restarted.metric("orders_drained_total", "outcome=\"duplicate\""),
                    "records the restarted service found already stored");
        } finally {
            stopped.close();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    @Test
    void ordersDrainedWhileThePrimaryIsKilledAndAStandbyPromotedAreEachStoredOnceAndDrainingResumes()
            throws Exception {
        Drained before = Drained.now();
        List<UUID> ids = publish(FAILOVER_ORDERS);
        long storedAtKill;
        String killed;
        long killedAt;
        try {
            Await.until(WAIT, "draining to be under way", () -> OrdersDb.orders(ids) >= 25);
            killedAt = System.nanoTime();
            killed = Launcher.run("infra", "kill", "pg-primary").trim();
            storedAtKill = (long) (Drained.now().stored() - before.stored());
            assertTrue(storedAtKill < FAILOVER_ORDERS,
                    "the kill must land in the middle of draining, it landed after " + storedAtKill);
            Await.until(FAILOVER, FAILOVER_ORDERS + " orders stored after the failover",
                    () -> storedDuringAFailover(ids) == FAILOVER_ORDERS);
        } finally {
            Launcher.run("infra", "up"); // the killed node rejoins as a standby
        }
        System.out.printf("[figure] failover (killed %s) with %d of %d orders stored;"
                + " all stored %.1f s after the kill%n", killed, storedAtKill, FAILOVER_ORDERS,
                (System.nanoTime() - killedAt) / 1e9);
        OrdersDb.assertEachStoredOnce(ids, 2, 1); // two lines and the PLACED history row, per order
        Drained after = Drained.now();
        assertTrue(after.stored() - before.stored() > storedAtKill, "draining resumed after the failover");
        assertEquals(0, after.deadLettered() - before.deadLettered(), "records dead-lettered");
        assertEquals(0, Kafka.recordCount(deadLetterTopic), "records on the dead-letter topic");
        Await.until(WAIT, "readiness after the failover", () -> status("/q/health/ready") == 200);
    }

    /**
     * Publishes {@code order} to the packaged service while the database is down, waits until it has failed
     * to store it, stops the service with SIGTERM and checks its consumer group did not commit past it.
     */
    private static void sigtermWhileTheDatabaseIsDown(OrderServiceProcess process, String group, String topic,
            OrderPlaced order) throws Exception {
        long offset = publishOne(topic, order);
        Await.until(WAIT, "the packaged service to retry the unreachable database",
                () -> process.metric("orders_drain_database_retries_total", null) >= 1);
        long t = System.nanoTime();
        assertTrue(process.stop(), "SIGTERM during the pause ends the service gracefully within 60 s");
        System.out.printf("[figure] SIGTERM during the outage: stopped in %.1f s%n", (System.nanoTime() - t) / 1e9);
        assertEquals(offset, committed(group, topic),
                "offset committed after a SIGTERM while the record at " + offset + " could not be stored");
    }
}
