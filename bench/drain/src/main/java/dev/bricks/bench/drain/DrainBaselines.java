package dev.bricks.bench.drain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The two ceilings of order-service's drain, measured on the very records it drained:
 * (a) a plain Kafka consumer reading them (records/s) and (b) a plain JDBC loop inserting the
 * same orders, one transaction each, into a scratch schema of the same database (orders/s).
 *
 * <p>Usage: {@code DrainBaselines offsets BOOTSTRAP TOPIC}, or {@code DrainBaselines BOOTSTRAP TOPIC FROM COUNT JDBC_URL USER PASSWORD}, where FROM is
 * {@code partition:offset,...} (the end offsets before the orders were placed). Prints one JSON line.
 * {@code DrainBaselines copies BOOTSTRAP TOPIC FROM COUNT TIMES} publishes TIMES copies of those
 * COUNT records, each with a new order id, to warm order-service up before its drain is measured.
 */
public final class DrainBaselines {

    private static final String SCHEMA = "bench_drain";

    public static void main(String[] args) throws Exception {
        if (args[0].equals("offsets")) {
            System.out.println(endOffsets(args[1], args[2]));
            return;
        }
        if (args[0].equals("copies")) {
            List<String> values = consume(args[1], args[2], parseOffsets(args[3]), Integer.parseInt(args[4]));
            System.out.println(publishCopies(args[1], args[2], values, Integer.parseInt(args[5])));
            return;
        }
        String bootstrap = args[0];
        String topic = args[1];
        Map<Integer, Long> from = parseOffsets(args[2]);
        int count = Integer.parseInt(args[3]);

        long t0 = System.nanoTime();
        List<String> values = consume(bootstrap, topic, from, count);
        double consumerSeconds = (System.nanoTime() - t0) / 1e9;

        double jdbcSeconds = insertLoop(args[4], args[5], args[6], values);
        System.out.printf(java.util.Locale.ROOT,
                "{\"records\":%d,\"consumerSeconds\":%.4f,\"consumerPerSec\":%.1f,"
                        + "\"jdbcSeconds\":%.4f,\"jdbcPerSec\":%.1f}%n",
                values.size(), consumerSeconds, values.size() / consumerSeconds,
                jdbcSeconds, values.size() / jdbcSeconds);
    }

    /** {@code offsets BOOTSTRAP TOPIC}: the end offsets now, as {@code partition:offset,...}. */
    private static String endOffsets(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            StringBuilder out = new StringBuilder();
            consumer.endOffsets(partitions, Duration.ofSeconds(30)).forEach((tp, offset) ->
                    out.append(out.length() == 0 ? "" : ",").append(tp.partition()).append(':').append(offset));
            return out.toString();
        }
    }

    /** TIMES copies of every value with a fresh {@code orderId} (the key too): orders never seen before. */
    private static int publishCopies(String bootstrap, String topic, List<String> values, int times) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        ObjectMapper json = new ObjectMapper();
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int copy = 0; copy < times; copy++) {
                for (String value : values) {
                    ObjectNode order = (ObjectNode) json.readTree(value);
                    String orderId = UUID.randomUUID().toString();
                    order.put("orderId", orderId);
                    producer.send(new ProducerRecord<>(topic, orderId, json.writeValueAsString(order)));
                    sent++;
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static Map<Integer, Long> parseOffsets(String spec) {
        Map<Integer, Long> offsets = new HashMap<>();
        for (String part : spec.split(",")) {
            String[] kv = part.split(":");
            offsets.put(Integer.parseInt(kv[0]), Long.parseLong(kv[1]));
        }
        return offsets;
    }

    /** (a): assign + seek, poll until COUNT records arrived (committing once, like a consumer group would). */
    private static List<String> consume(String bootstrap, String topic, Map<Integer, Long> from, int count) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-plain-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>(count);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = new ArrayList<>();
            from.keySet().forEach(partition -> partitions.add(new TopicPartition(topic, partition)));
            consumer.assign(partitions);
            from.forEach((partition, offset) -> consumer.seek(new TopicPartition(topic, partition), offset));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (values.size() < count) {
                        values.add(r.value());
                    }
                }
            }
            consumer.commitSync();
        }
        if (values.size() < count) {
            throw new IllegalStateException("only " + values.size() + " of " + count + " records arrived");
        }
        return values;
    }

    /** (b): the same orders, one transaction each (order, lines, first status row), into a scratch schema. */
    private static double insertLoop(String url, String user, String password, List<String> values)
            throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> orders = new ArrayList<>();
        for (String v : values) {
            orders.add(json.readTree(v));
        }
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("drop schema if exists " + SCHEMA + " cascade");
                s.execute("create schema " + SCHEMA);
                s.execute("create table " + SCHEMA + ".orders (like public.orders including all)");
                s.execute("create table " + SCHEMA + ".order_lines (like public.order_lines including all)");
                s.execute("create table " + SCHEMA + ".order_status_history"
                        + " (like public.order_status_history including defaults including indexes)");
            }
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            try (PreparedStatement order = c.prepareStatement("insert into " + SCHEMA + ".orders"
                    + " (order_id, cart_id, customer_id, email, total, currency, catalog_generation, placed_at,"
                    + " status, status_changed_at, status_changed_by) values (?,?,?,?,?,?,?,?,'PLACED',?,'checkout')"
                    + " on conflict (order_id) do nothing");
                 PreparedStatement line = c.prepareStatement("insert into " + SCHEMA + ".order_lines"
                         + " (order_id, line_no, sku, name, unit_price, quantity) values (?,?,?,?,?,?)");
                 PreparedStatement history = c.prepareStatement("insert into " + SCHEMA + ".order_status_history"
                         + " (order_id, status, changed_at, changed_by) values (?,'PLACED',?,'checkout')")) {
                for (JsonNode o : orders) {
                    UUID id = UUID.fromString(o.get("orderId").asText());
                    Timestamp placed = Timestamp.from(Instant.parse(o.get("placedAt").asText()));
                    order.setObject(1, id);
                    order.setString(2, o.get("cartId").asText());
                    order.setObject(3, UUID.fromString(o.get("customerId").asText()));
                    order.setString(4, o.get("email").asText());
                    order.setBigDecimal(5, new BigDecimal(o.get("total").asText()));
                    order.setString(6, o.get("currency").asText());
                    order.setLong(7, o.get("catalogGeneration").asLong());
                    order.setTimestamp(8, placed);
                    order.setTimestamp(9, placed);
                    if (order.executeUpdate() == 1) {
                        int n = 0;
                        for (JsonNode l : o.get("lines")) {
                            line.setObject(1, id);
                            line.setInt(2, ++n);
                            line.setString(3, l.get("sku").asText());
                            line.setString(4, l.get("name").asText());
                            line.setBigDecimal(5, new BigDecimal(l.get("unitPrice").asText()));
                            line.setInt(6, l.get("quantity").asInt());
                            line.executeUpdate();
                        }
                        history.setObject(1, id);
                        history.setTimestamp(2, placed);
                        history.executeUpdate();
                    }
                    c.commit();
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("drop schema " + SCHEMA + " cascade");
            }
            return seconds;
        }
    }
}
