package dev.bricks.catalog.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.CatalogConfig;
import dev.bricks.catalog.generation.GenerationChunk;
import dev.bricks.catalog.generation.GenerationCommit;
import dev.bricks.catalog.generation.UploadTopics;
import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.contracts.catalog.Product;
import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes a validated catalogue: its chunks first, into a topic of their own (so that the upload
 * can leave Kafka with one topic deletion when it is retired), then the commit to the generations
 * topic, whose broker-assigned offset makes the generation number. Nothing becomes a generation
 * unless every chunk was acknowledged before the commit was sent, so a half-published upload is
 * never activated anywhere.
 */
@ApplicationScoped
public class GenerationPublisher {

    private static final Logger LOG = Logger.getLogger(GenerationPublisher.class);

    private final CatalogConfig config;
    private final ObjectMapper json;
    private final UploadTopics uploadTopics;
    private final String bootstrap;
    private KafkaProducer<String, byte[]> producer;

    public GenerationPublisher(CatalogConfig config, ObjectMapper json, UploadTopics uploadTopics,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.json = json;
        this.uploadTopics = uploadTopics;
        this.bootstrap = bootstrap;
    }

    /** Publishes and returns the generation number. */
    public synchronized long publish(ValidatedCatalogue catalogue, Instant activateAt, String uploadedBy) {
        if (!config.kafkaEnabled()) {
            throw ProblemException.unavailable("this replica runs without Kafka and cannot accept uploads", 60);
        }
        String uploadId = UUID.randomUUID().toString().replace("-", "");
        List<List<Product>> chunks = chunk(catalogue.products());
        long deadline = System.nanoTime() + config.publishTimeout().toNanos();
        try {
            KafkaProducer<String, byte[]> kafka = producer();
            uploadTopics.create(uploadId, remaining(deadline));
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int i = 0; i < chunks.size(); i++) {
                sent.add(kafka.send(chunkRecord(uploadId, i, chunks.get(i))));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(remaining(deadline), TimeUnit.NANOSECONDS);
            }
            RecordMetadata committed = kafka.send(commitRecord(uploadId, activateAt, catalogue.products().size(),
                    chunks.size(), catalogue.checksum(), uploadedBy, Instant.now()))
                    .get(remaining(deadline), TimeUnit.NANOSECONDS);
            long generation = committed.offset() + 1;
            LOG.infof("generation %d published by %s: %d products in %d chunks, activates at %s", generation,
                    uploadedBy, catalogue.products().size(), chunks.size(), activateAt);
            return generation;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a generation record", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("upload %s not published: %s", uploadId, e.toString());
            resetProducer();
            throw ProblemException.unavailable(
                    "the catalogue could not be published to Kafka; nothing was activated, try again", 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            resetProducer();
            throw ProblemException.unavailable("the upload was interrupted; nothing was activated", 10);
        }
    }

    /** Splits the products so that no chunk's JSON exceeds the configured size. */
    List<List<Product>> chunk(List<Product> products) {
        int limit = config.chunkBytes() - 1024; // room for the chunk envelope
        List<List<Product>> chunks = new ArrayList<>();
        List<Product> current = new ArrayList<>();
        int size = 0;
        for (Product product : products) {
            int productSize = CanonicalProducts.bytes(product).length + 1;
            if (!current.isEmpty() && size + productSize > limit) {
                chunks.add(current);
                current = new ArrayList<>();
                size = 0;
            }
            current.add(product);
            size += productSize;
        }
        chunks.add(current);
        return chunks;
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
        return record;
    }

    private static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("publish timeout");
        }
        return left;
    }

    private KafkaProducer<String, byte[]> producer() {
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

    private synchronized void resetProducer() {
        if (producer != null) {
            producer.close(java.time.Duration.ZERO);
            producer = null;
        }
    }

    void stop(@Observes ShutdownEvent event) {
        resetProducer();
    }
}
