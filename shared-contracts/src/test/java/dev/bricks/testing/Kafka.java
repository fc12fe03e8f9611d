package dev.bricks.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real Kafka of {@code ./bricks} (three nodes), from a test: topics of the test's own (created
 * with every record on three nodes and acknowledged by two, as the shop's), publishing, and reading
 * a topic back. Keys and values are strings. Needs the Kafka client on the test's class path: the
 * bricks that talk to Kafka have it already.
 */
public final class Kafka {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:19092,127.0.0.1:19094,127.0.0.1:19096";
    private static final short REPLICATION_FACTOR = 3;
    private static final String MIN_IN_SYNC_REPLICAS = "2";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Kafka() {
    }

    /** {@code BRICKS_KAFKA_BOOTSTRAP}, else the three local nodes of {@code ./bricks}. */
    public static String bootstrap() {
        return Launcher.env("BRICKS_KAFKA_BOOTSTRAP", DEFAULT_BOOTSTRAP);
    }

    public static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(props);
    }

    /** Creates a topic named {@code prefix.<random UUID>}, which nobody has used before, and returns its name. */
    public static String freshTopic(String prefix, int partitions) {
        String name = prefix + "." + UUID.randomUUID();
        createTopic(name, partitions);
        return name;
    }

    /** Creates the topic (the brokers do not create topics on first use): replication 3, min.insync.replicas 2. */
    public static void createTopic(String name, int partitions) {
        NewTopic topic = new NewTopic(name, partitions, REPLICATION_FACTOR)
                .configs(Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, MIN_IN_SYNC_REPLICAS));
        try (Admin admin = admin()) {
            await(admin.createTopics(List.of(topic)).all());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot create topic " + name + " on " + bootstrap()
                    + " (run the tests with ./bricks test or after ./bricks infra up)", e.getCause());
        }
    }

    /** Deletes the topic and waits until the brokers accepted that. */
    public static void deleteTopic(String name) {
        try (Admin admin = admin()) {
            await(admin.deleteTopics(List.of(name)).all());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot delete topic " + name + " on " + bootstrap(), e.getCause());
        }
    }

    /** A producer as the shop's: acks from all in-sync replicas, idempotent. */
    public static KafkaProducer<String, String> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Publishes one record and waits for the brokers' acknowledgement. */
    /** Publishes one record carrying {@code headers} (e.g. a W3C traceparent) and waits for its acknowledgement. */
    public static void publish(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    public static void publish(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    /**
     * Every committed record of the topic, from the beginning of each partition up to the end
     * offsets it has now (no consumer group).
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = consumerProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** The records of the topic with this key (see {@link #readAll(String)}). */
    public static List<ConsumerRecord<String, String>> readAll(String topic, String key) {
        return readAll(topic).stream().filter(r -> key.equals(r.key())).toList();
    }

    /**
     * Every record of the topic, read from the beginning (a new consumer group) until
     * {@code expected} are there or the time is up: for records still to come.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic, int expected, Duration timeout) {
        Properties props = consumerProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < expected && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }

    /** The end offset of each partition of the topic: how many records were ever written to it. */
    public static Map<TopicPartition, Long> endOffsets(String topic) {
        try (Admin admin = admin()) {
            int partitions = await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> offsets = new HashMap<>();
            await(admin.listOffsets(latest).all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
            return offsets;
        } catch (IllegalStateException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + " on " + bootstrap(),
                    e.getCause());
        }
    }

    /** How many records were ever written to the topic (the sum of its end offsets). */
    public static long recordCount(String topic) {
        return endOffsets(topic).values().stream().mapToLong(Long::longValue).sum();
    }

    private static Properties consumerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
