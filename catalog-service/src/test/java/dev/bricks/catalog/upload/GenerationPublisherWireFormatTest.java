package dev.bricks.catalog.upload;

import static dev.bricks.catalog.support.GoldenGeneration.ACTIVATE_AT;
import static dev.bricks.catalog.support.GoldenGeneration.CHECKSUM;
import static dev.bricks.catalog.support.GoldenGeneration.PRODUCTS;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOADED_AT;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOADED_BY;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOAD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.catalog.CatalogConfig;
import dev.bricks.catalog.generation.GenerationTraces;
import dev.bricks.catalog.generation.UploadTopics;
import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.catalog.support.GoldenGeneration;
import dev.bricks.testing.Golden;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * What an upload puts on Kafka: the publisher's chunk records (in the upload's own topic) and commit record
 * (value written with the application ObjectMapper, key, partition, type header) for the golden
 * upload equal the golden samples, which {@code GenerationFeedWireFormatTest} reads back.
 */
class GenerationPublisherWireFormatTest {

    private static final String TOPIC = "catalog.generations";

    private final GenerationPublisher publisher = new GenerationPublisher(config(), Golden.quarkusObjectMapper(),
            new UploadTopics(config(), "127.0.0.1:1"), GenerationTraces.off(), "127.0.0.1:1");

    private static CatalogConfig config() {
        return (CatalogConfig) Proxy.newProxyInstance(CatalogConfig.class.getClassLoader(),
                new Class<?>[] { CatalogConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "topic" -> TOPIC;
                    case "chunkBytes" -> 524288;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void assertEnvelope(ProducerRecord<String, byte[]> record, String topic, String type) {
        assertEquals(topic, record.topic());
        assertEquals(0, record.partition());
        assertEquals(UPLOAD_ID, record.key());
        Header header = record.headers().lastHeader("bricks-type");
        assertEquals(type, new String(header.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aChunkIsPublishedToItsUploadsOwnTopicAsTheGoldenChunkRecordOfSchemaVersion1() throws Exception {
        ProducerRecord<String, byte[]> record = publisher.chunkRecord(UPLOAD_ID, 0, PRODUCTS);

        assertEnvelope(record, TOPIC + ".upload-" + UPLOAD_ID, "catalog.generation.chunk");
        Golden.assertSameJson(GoldenGeneration.CHUNK, record.value());
    }

    @Test
    void aCommitIsPublishedToTheGenerationsTopicAsTheGoldenCommitRecordOfSchemaVersion1() throws Exception {
        ProducerRecord<String, byte[]> record = publisher.commitRecord(UPLOAD_ID, ACTIVATE_AT, 2, 1, CHECKSUM,
                UPLOADED_BY, UPLOADED_AT);

        assertEnvelope(record, TOPIC, "catalog.generation.commit");
        Golden.assertSameJson(GoldenGeneration.COMMIT, record.value());
    }

    @Test
    void theGoldenCommitCarriesTheChecksumOfTheGoldenChunksProducts() {
        CanonicalProducts.Checksum checksum = new CanonicalProducts.Checksum();
        PRODUCTS.forEach(checksum::add);
        assertEquals(CHECKSUM, checksum.hex());
    }
}
