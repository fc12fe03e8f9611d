package dev.bricks.catalog.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every record of the generations topic, from its first offset, on every replica: manual
 * assignment of its single partition, no consumer group, no committed offsets. That is how a new
 * or restarted replica rebuilds itself and why replicas never share the work. When Kafka is away
 * the consumer keeps retrying on its own thread while the replica serves what it has.
 */
@ApplicationScoped
public class GenerationFeed {

    private static final Logger LOG = Logger.getLogger(GenerationFeed.class);

    private final CatalogConfig config;
    private final GenerationStager stager;
    private final GenerationRegistry registry;
    private final ObjectMapper json;
    private final String bootstrap;
    private final TopicPartition partition;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile long nextOffset;
    private volatile Long startupEndOffset;
    private volatile boolean caughtUp;
    private volatile boolean settled;
    private volatile Instant startedAt = Instant.now();
    private volatile Instant lastContact;

    public GenerationFeed(CatalogConfig config, GenerationStager stager, GenerationRegistry registry, ObjectMapper json,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.stager = stager;
        this.registry = registry;
        this.json = json;
        this.bootstrap = bootstrap;
        this.partition = new TopicPartition(config.topic(), 0);
    }

    void start(@Observes StartupEvent event, DemoCatalogue demo) {
        stager.stageDemo(demo.products(config.demoProducts()));
        if (!config.kafkaEnabled()) {
            LOG.info("Kafka disabled: serving the embedded demo catalogue only");
            return;
        }
        startedAt = Instant.now();
        registry.replayingWhile(() -> !startupSettled());
        running = true;
        thread = new Thread(this::run, "catalog-generation-feed");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /**
     * True once this replica has read the topic up to the end offset it found at start-up; also
     * true when Kafka is disabled, or could not be reached within the start-up wait (the replica
     * then serves what it has and keeps trying).
     */
    public boolean startupSettled() {
        if (settled) {
            return true;
        }
        // latched: when Kafka comes back later the replica catches up while it keeps serving
        settled = !config.kafkaEnabled() || caughtUp
                || startupEndOffset == null && Instant.now().isAfter(startedAt.plus(config.startupKafkaWait()));
        return settled;
    }

    public Map<String, Object> state() {
        return Map.of("topic", config.topic(), "nextOffset", nextOffset,
                "startupEndOffset", startupEndOffset == null ? "unknown" : startupEndOffset,
                "caughtUp", caughtUp, "lastKafkaContact", lastContact == null ? "never" : lastContact.toString());
    }

    private void run() {
        while (running) {
            try {
                if (consumer == null) {
                    ensureTopic();
                    consumer = newConsumer();
                }
                if (startupEndOffset == null) {
                    startupEndOffset = consumer.endOffsets(List.of(partition), Duration.ofSeconds(3)).get(partition);
                    LOG.infof("catching up with %s up to offset %d", config.topic(), startupEndOffset);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    handle(record);
                    nextOffset = record.offset() + 1;
                }
                nextOffset = Math.max(nextOffset, consumer.position(partition, Duration.ofSeconds(2)));
                lastContact = Instant.now();
                if (!caughtUp && nextOffset >= startupEndOffset) {
                    caughtUp = true;
                    LOG.infof("caught up with %s at offset %d", config.topic(), nextOffset);
                }
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                LOG.warnf("generations feed: %s; retrying", e.toString());
                pause();
            }
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        GenerationRecord read = read(record, json).orElse(null);
        if (read instanceof GenerationChunk chunk) {
            stager.onChunk(chunk, Instant.ofEpochMilli(record.timestamp()));
        } else if (read instanceof GenerationCommit commit) {
            stager.onCommit(commit, record.offset() + 1);
        }
    }

    /**
     * What a record of the topic says: a chunk or a commit, told apart by the record header
     * {@link GenerationCommit#TYPE_HEADER}; empty (and logged) for a record of another type, another
     * schema version or unreadable JSON, which the feed skips.
     */
    static Optional<GenerationRecord> read(ConsumerRecord<String, byte[]> record, ObjectMapper json) {
        Header type = record.headers().lastHeader(GenerationCommit.TYPE_HEADER);
        String kind = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
        try {
            if (GenerationChunk.TYPE.equals(kind)) {
                GenerationChunk chunk = json.readValue(record.value(), GenerationChunk.class);
                if (chunk.schemaVersion() != GenerationChunk.SCHEMA_VERSION) {
                    LOG.errorf("offset %d: chunk schema version %d is not understood; skipped", record.offset(),
                            chunk.schemaVersion());
                    return Optional.empty();
                }
                return Optional.of(chunk);
            } else if (GenerationCommit.TYPE.equals(kind)) {
                GenerationCommit commit = json.readValue(record.value(), GenerationCommit.class);
                if (commit.schemaVersion() != GenerationCommit.SCHEMA_VERSION) {
                    LOG.errorf("offset %d: commit schema version %d is not understood; skipped", record.offset(),
                            commit.schemaVersion());
                    return Optional.empty();
                }
                return Optional.of(commit);
            } else {
                LOG.warnf("offset %d: record of unknown type '%s' skipped", record.offset(), kind);
            }
        } catch (java.io.IOException e) {
            LOG.errorf("offset %d: unreadable %s record skipped: %s", record.offset(), kind, e.getMessage());
        }
        return Optional.empty();
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "catalog-feed-" + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        KafkaConsumer<String, byte[]> created = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        created.assign(List.of(partition));
        if (nextOffset == 0) {
            created.seekToBeginning(List.of(partition));
        } else {
            created.seek(partition, nextOffset); // a re-created consumer goes on where the last one stopped
        }
        return created;
    }

    /** Creates the topic (one partition, kept forever) when it is missing, e.g. a test's own topic. */
    private void ensureTopic() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(properties)) {
            if (admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(config.topic())) {
                return;
            }
            NewTopic topic = new NewTopic(config.topic(), Optional.of(1), Optional.empty())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
            admin.createTopics(List.of(topic)).all().get(5, TimeUnit.SECONDS);
            LOG.infof("created topic %s", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + config.topic() + ": " + e.getCause(), e);
            }
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " does not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WakeupException();
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
