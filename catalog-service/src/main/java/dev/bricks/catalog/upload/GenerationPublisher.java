package dev.bricks.catalog.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.CatalogConfig;
import dev.bricks.catalog.generation.GenerationChunk;
import dev.bricks.catalog.generation.GenerationCommit;
import dev.bricks.catalog.generation.GenerationTraces;
import dev.bricks.catalog.generation.UploadTopics;
import dev.bricks.contracts.catalog.Product;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes uploads: each upload's chunks go into a topic of their own (so that the upload can
 * leave Kafka with one topic deletion when it is retired) while the upload is still being read and
 * validated, then the commit goes to the generations topic, whose broker-assigned offset makes the
 * generation number. Nothing becomes a generation unless the whole upload was valid and every
 * chunk was acknowledged before the commit was sent, so a rejected or half-published upload is
 * never activated anywhere; its topic is deleted.
 */
@ApplicationScoped
public class GenerationPublisher {

    private static final Logger LOG = Logger.getLogger(GenerationPublisher.class);

    private final CatalogConfig config;
    private final ObjectMapper json;
    private final UploadTopics uploadTopics;
    private final String bootstrap;
    private final GenerationTraces traces;
    private KafkaProducer<String, byte[]> producer;

    public GenerationPublisher(CatalogConfig config, ObjectMapper json, UploadTopics uploadTopics,
            GenerationTraces traces, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.traces = traces;
        this.json = json;
        this.uploadTopics = uploadTopics;
        this.bootstrap = bootstrap;
    }

    /** A new upload to fill with products; closing it without a commit withdraws what it published. */
    public UploadPublication open() {
        String unavailable = config.kafkaEnabled() ? null : "this replica runs without Kafka and cannot accept uploads";
        return new UploadPublication(this, UUID.randomUUID().toString().replace("-", ""), unavailable);
    }

    CatalogConfig config() {
        return config;
    }

    UploadTopics topics() {
        return uploadTopics;
    }

    GenerationTraces traces() {
        return traces;
    }

    void logPublished(long generation, String uploadedBy, CatalogueSummary summary, int chunks, Instant activateAt) {
        LOG.infof("generation %d published by %s: %d products in %d chunks, activates at %s", generation,
                uploadedBy, summary.products(), chunks, activateAt);
    }

    /** The Kafka record of chunk {@code index} of an upload (schema version 1). */
    ProducerRecord<String, byte[]> chunkRecord(String uploadId, int index, List<Product> products)
            throws JsonProcessingException {
        GenerationChunk chunk = new GenerationChunk(GenerationChunk.SCHEMA_VERSION, uploadId, index, products);
        return record(uploadTopics.name(uploadId), uploadId, GenerationChunk.TYPE, json.writeValueAsBytes(chunk));
    }

    /** The Kafka record that commits an upload whose chunks were all acknowledged (schema version 1). */
    ProducerRecord<String, byte[]> commitRecord(String uploadId, Instant activateAt, int products, int chunks,
            String checksum, String uploadedBy, Instant uploadedAt) throws JsonProcessingException {
        GenerationCommit commit = new GenerationCommit(GenerationCommit.SCHEMA_VERSION, uploadId, activateAt,
                products, chunks, checksum, uploadedBy, uploadedAt);
        return record(config.topic(), uploadId, GenerationCommit.TYPE, json.writeValueAsBytes(commit));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String uploadId, String type, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, 0, uploadId, value);
        record.headers().add(GenerationCommit.TYPE_HEADER, type.getBytes(StandardCharsets.UTF_8));
        GenerationTraces.inject(record.headers()); // every replica's staging continues the upload's trace
        return record;
    }

    synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(ProducerConfig.CLIENT_ID_CONFIG, "catalog-upload-" + UUID.randomUUID());
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
            properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                    String.valueOf(config.publishTimeout().toMillis()));
            properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(64L * 1024 * 1024));
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        resetProducer();
    }
}
