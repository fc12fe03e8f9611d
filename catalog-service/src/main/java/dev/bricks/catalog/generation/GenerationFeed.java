package dev.bricks.catalog.generation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.CatalogConfig;
import dev.bricks.catalog.store.ProductStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads every commit of the generations topic, from its first offset, on every replica: manual
 * assignment of its single partition, no consumer group, no committed offsets. That is how a new
 * or restarted replica rebuilds itself and why replicas never share the work. A joining replica
 * first reads the commits up to the end it found at start-up and then reads the chunks (from each
 * upload's own topic) of only the generations it can still serve ({@link JoinPlan}); once caught
 * up, every new commit is staged as it arrives. When Kafka is away the consumer keeps retrying on
 * its own thread while the replica serves what it has.
 */
@ApplicationScoped
public class GenerationFeed {

    private static final Logger LOG = Logger.getLogger(GenerationFeed.class);

    private final CatalogConfig config;
    private final GenerationStager stager;
    private final GenerationRegistry registry;
    private final UploadTopics uploadTopics;
    private final ObjectMapper json;
    /** Commits read while joining, staged or skipped once the start-up end is reached (feed thread only). */
    private final NavigableMap<Long, GenerationCommit> joining = new TreeMap<>();
    /** The headers of those commits' records: their staging continues the upload's trace. */
    private final Map<Long, Headers> joiningHeaders = new HashMap<>();
    private final GenerationTraces traces;
    private final String bootstrap;
    private final TopicPartition partition;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaConsumer<String, byte[]> chunkConsumer;
    private volatile long nextOffset;
    private volatile Long startupEndOffset;
    private volatile boolean caughtUp;
    private volatile boolean settled;
    private volatile Instant startedAt = Instant.now();
    private volatile Instant lastContact;

    public GenerationFeed(CatalogConfig config, GenerationStager stager, GenerationRegistry registry,
            UploadTopics uploadTopics, ObjectMapper json, GenerationTraces traces,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.traces = traces;
        this.stager = stager;
        this.registry = registry;
        this.uploadTopics = uploadTopics;
        this.json = json;
        this.bootstrap = bootstrap;
        this.partition = new TopicPartition(config.topic(), 0);
    }

    void start(@Observes StartupEvent event, DemoCatalogue demo, ProductStore store) {
        store.dropAll(); // a file-mode H2 may hold the tables of an earlier run: the topic is the truth
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
                if (!caughtUp) {
                    // the position skips what retention deleted: with nothing (left) to read, a starting
                    // replica joins at once instead of after a poll's wait
                    nextOffset = Math.max(nextOffset, consumer.position(partition, Duration.ofSeconds(2)));
                }
                if (caughtUp || nextOffset < startupEndOffset) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        handle(record);
                        nextOffset = record.offset() + 1;
                    }
                }
                nextOffset = Math.max(nextOffset, consumer.position(partition, Duration.ofSeconds(2)));
                lastContact = Instant.now();
                if (!caughtUp && nextOffset >= startupEndOffset) {
                    join();
                    // what was committed while this replica staged is read (and planned) before it is ready
                    long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(3)).get(partition);
                    if (end > nextOffset) {
                        startupEndOffset = end;
                    } else {
                        caughtUp = true;
                        LOG.infof("caught up with %s at offset %d", config.topic(), nextOffset);
                    }
                }
            } catch (WakeupException e) {
                break;
            } catch (RuntimeException e) {
                LOG.warnf("generations feed: %s; retrying", e.toString());
                rewind();
                pause();
            }
        }
        if (consumer != null) {
            consumer.close(Duration.ofSeconds(2));
        }
        closeChunkConsumer();
    }

    private void handle(ConsumerRecord<String, byte[]> record) {
        GenerationRecord read = read(record, json).orElse(null);
        if (read instanceof GenerationChunk chunk) {
            // an upload published before #17, with its chunks in the generations topic itself
            stager.onChunk(chunk, Instant.ofEpochMilli(record.timestamp()));
        } else if (read instanceof GenerationCommit commit) {
            long number = record.offset() + 1;
            if (stager.hasChunksOf(commit.uploadId())) {
                traces.staging(record.headers(), config.topic(), number, () -> stager.onCommit(commit, number, false));
            } else if (!caughtUp) {
                joining.put(number, commit);
                joiningHeaders.put(number, record.headers());
            } else {
                traces.staging(record.headers(), config.topic(), number, () -> stageFromUploadTopic(number, commit));
            }
        }
    }

    /** Stages what the commits read since start-up make servable, and skips the rest unread. */
    private void join() {
        long started = System.nanoTime();
        int staged = 0;
        while (true) {
            long floor = registry.active().map(GenerationRegistry.Active::number).orElse(-1L);
            List<Long> plan = JoinPlan.toStage(joining, floor, registry.failedNumbers(), Instant.now()).stream()
                    .filter(number -> !registry.decided(number)).toList();
            if (plan.isEmpty()) {
                break;
            }
            // known before any is read: one falling due meanwhile makes reads answer 503, not the old catalogue
            plan.forEach(number -> registry.staging(number, joining.get(number), true));
            for (long number : plan) {
                traces.staging(joiningHeaders.get(number), config.topic(), number,
                        () -> stageFromUploadTopic(number, joining.get(number)));
                staged++;
            }
        }
        joining.forEach(registry::skipped);
        LOG.infof("joined: staged %d of the %d generations found on %s in %d ms, skipped the superseded ones",
                staged, joining.size(), config.topic(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        joining.clear();
        joiningHeaders.clear();
    }

    /** Reads the chunks of an upload from its own topic into the stager, then verifies them against the commit. */
    private void stageFromUploadTopic(long number, GenerationCommit commit) {
        if (registry.decided(number)) {
            return;
        }
        if (!registry.knows(number)) {
            // from now on, once its instant has passed, reads answer 503 until it is staged
            registry.staging(number, commit, true);
        }
        stager.restart(commit.uploadId()); // a read cut short by Kafka starts again from the first chunk
        String topic = uploadTopics.name(commit.uploadId());
        try {
            KafkaConsumer<String, byte[]> chunks = chunkConsumer();
            if (chunks.partitionsFor(topic, Duration.ofSeconds(5)).isEmpty()) {
                LOG.warnf("generation %d: upload topic %s does not exist (retired)", number, topic);
            } else {
                TopicPartition upload = new TopicPartition(topic, 0);
                chunks.assign(List.of(upload));
                chunks.seekToBeginning(List.of(upload));
                long end = chunks.endOffsets(List.of(upload), Duration.ofSeconds(5)).get(upload);
                while (chunks.position(upload, Duration.ofSeconds(5)) < end) {
                    if (!running) {
                        throw new WakeupException();
                    }
                    for (ConsumerRecord<String, byte[]> record : chunks.poll(Duration.ofMillis(500))) {
                        if (read(record, json).orElse(null) instanceof GenerationChunk chunk
                                && chunk.uploadId().equals(commit.uploadId())) {
                            stager.onChunk(chunk, Instant.ofEpochMilli(record.timestamp()));
                        }
                    }
                }
                chunks.unsubscribe();
            }
        } catch (RuntimeException e) {
            closeChunkConsumer();
            throw e;
        }
        stager.onCommit(commit, number, true);
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

    /** The record whose handling failed (e.g. Kafka went away while its chunks were read) is read again. */
    private void rewind() {
        if (consumer == null) {
            return;
        }
        if (nextOffset == 0) {
            consumer.seekToBeginning(List.of(partition));
        } else {
            consumer.seek(partition, nextOffset);
        }
    }

    /** One consumer for every upload topic, kept between generations: a new one costs several round trips. */
    private KafkaConsumer<String, byte[]> chunkConsumer() {
        if (chunkConsumer == null) {
            chunkConsumer = newConsumer("catalog-chunks-");
        }
        return chunkConsumer;
    }

    private void closeChunkConsumer() {
        if (chunkConsumer != null) {
            chunkConsumer.close(Duration.ofSeconds(2));
            chunkConsumer = null;
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        KafkaConsumer<String, byte[]> created = newConsumer("catalog-feed-");
        created.assign(List.of(partition));
        if (nextOffset == 0) {
            created.seekToBeginning(List.of(partition));
        } else {
            created.seek(partition, nextOffset); // a re-created consumer goes on where the last one stopped
        }
        return created;
    }

    private KafkaConsumer<String, byte[]> newConsumer(String clientIdPrefix) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientIdPrefix + UUID.randomUUID());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "20");
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(8 * 1024 * 1024));
        properties.put(ConsumerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "2000");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /**
     * Creates the topic (one partition, nothing expires: the replicas delete the commits of retired
     * generations) when it is missing, e.g. a test's own topic.
     */
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
