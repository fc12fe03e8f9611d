package dev.bricks.order.support;

import dev.bricks.testing.Kafka;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** The dead-letter topic and its index in the orders database, from a test. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * Publishes a record to the dead-letter topic as the drain's failure strategy does (same key and
     * value, header {@code dead-letter-reason}): a record dead-lettered while its cause existed.
     */
    public static void publish(String deadLetterTopic, String key, String value, String reason) {
        ProducerRecord<String, String> record = new ProducerRecord<>(deadLetterTopic, key, value);
        record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = Kafka.producer()) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + deadLetterTopic, e);
        }
    }

    /** The id of the indexed dead letter of this order, once the indexer stored it. */
    public static long awaitIndexed(String deadLetterTopic, String orderId) {
        long[] id = { -1 };
        Await.until(Duration.ofSeconds(60), "the dead letter of order " + orderId + " to be indexed", () -> {
            id[0] = find(deadLetterTopic, orderId);
            return id[0] >= 0;
        });
        return id[0];
    }

    private static long find(String deadLetterTopic, String orderId) {
        try (Connection c = OrdersDb.connect();
                PreparedStatement s = c.prepareStatement(
                        "select max(id) from dead_letters where dlq_topic = ? and order_id = ?")) {
            s.setString(1, deadLetterTopic);
            s.setString(2, orderId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long id = r.getLong(1);
                return r.wasNull() ? -1 : id;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
