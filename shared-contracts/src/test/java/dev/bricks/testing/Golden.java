package dev.bricks.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden samples of the Kafka records ({@code src/test/resources/golden/}, in this module's
 * test-jar, so on every brick's test class path): one per record type and schema version, e.g.
 * {@code order-placed-v1.json}. A writer's test compares its output with a sample as JSON trees;
 * a reader's test reads a sample.
 */
public final class Golden {

    private static final ObjectMapper TREES = new ObjectMapper();

    private Golden() {
    }

    /** The bytes of {@code golden/NAME}. */
    public static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden sample golden/" + name + " on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of {@code golden/NAME}. */
    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /**
     * Fails unless {@code actual} is the same JSON as {@code golden/NAME}: the same members with the
     * same values and JSON types ("12.50" is not "12.5" nor 12.50), in any member order.
     */
    public static void assertSameJson(String name, byte[] actual) {
        JsonNode expected = tree(bytes(name));
        JsonNode written = tree(actual);
        if (!expected.equals(written)) {
            throw new AssertionError("the JSON differs from golden/" + name + "\nexpected: " + expected.toPrettyString()
                    + "\n  actual: " + written.toPrettyString());
        }
    }

    /**
     * An ObjectMapper configured like the application ObjectMapper Quarkus gives every brick by
     * default ({@code quarkus.jackson.*} defaults: unknown properties ignored, dates and durations as
     * ISO-8601 strings, the Jackson modules on the class path such as JavaTimeModule). The bricks
     * write and read their Kafka records with that mapper; a brick's own
     * {@code ObjectMapperCustomizer}s are applied by its test.
     */
    public static ObjectMapper quarkusObjectMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
    }

    private static JsonNode tree(byte[] json) {
        try {
            return TREES.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }
}
