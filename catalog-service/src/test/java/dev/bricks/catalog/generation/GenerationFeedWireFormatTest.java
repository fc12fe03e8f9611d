package dev.bricks.catalog.generation;

import static dev.bricks.catalog.support.GoldenGeneration.ACTIVATE_AT;
import static dev.bricks.catalog.support.GoldenGeneration.CHECKSUM;
import static dev.bricks.catalog.support.GoldenGeneration.PRODUCTS;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOADED_AT;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOADED_BY;
import static dev.bricks.catalog.support.GoldenGeneration.UPLOAD_ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.support.GoldenGeneration;
import dev.bricks.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every replica's feed reads the golden chunk and commit records into the upload they describe. */
class GenerationFeedWireFormatTest {

    private final ObjectMapper json = Golden.quarkusObjectMapper();

    private static ConsumerRecord<String, byte[]> record(String type, byte[] value) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("catalog.generations", 0, 41L, UPLOAD_ID, value);
        if (type != null) {
            record.headers().add("bricks-type", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static byte[] withSchemaVersion(String sample, int version) {
        return Golden.text(sample).replace("\"schemaVersion\": 1", "\"schemaVersion\": " + version)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theGoldenChunkIsReadAsItsUploadsProductsInOrder() {
        Optional<GenerationRecord> read = GenerationFeed.read(
                record("catalog.generation.chunk", Golden.bytes(GoldenGeneration.CHUNK)), json);

        assertEquals(Optional.of(new GenerationChunk(1, UPLOAD_ID, 0, PRODUCTS)), read);
    }

    @Test
    void theGoldenCommitIsReadWithItsCountsChecksumAndInstants() {
        Optional<GenerationRecord> read = GenerationFeed.read(
                record("catalog.generation.commit", Golden.bytes(GoldenGeneration.COMMIT)), json);

        GenerationCommit expected =
                new GenerationCommit(1, UPLOAD_ID, ACTIVATE_AT, 2, 1, CHECKSUM, UPLOADED_BY, UPLOADED_AT);
        assertEquals(Optional.of(expected), read);
    }

    @Test
    void aRecordOfAnotherSchemaVersionIsSkipped() {
        assertTrue(GenerationFeed.read(record("catalog.generation.chunk", withSchemaVersion(GoldenGeneration.CHUNK, 2)),
                json).isEmpty());
        assertTrue(GenerationFeed.read(
                record("catalog.generation.commit", withSchemaVersion(GoldenGeneration.COMMIT, 2)), json).isEmpty());
    }

    @Test
    void aRecordWithoutAKnownTypeHeaderOrWithUnreadableJsonIsSkipped() {
        assertTrue(GenerationFeed.read(record(null, Golden.bytes(GoldenGeneration.CHUNK)), json).isEmpty());
        assertTrue(GenerationFeed.read(record("catalog.generation.other", Golden.bytes(GoldenGeneration.CHUNK)), json)
                .isEmpty());
        assertTrue(GenerationFeed.read(record("catalog.generation.chunk", "{not json".getBytes(StandardCharsets.UTF_8)),
                json).isEmpty());
    }
}
