package dev.bricks.catalog.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A replica with no Kafka at all: it serves the embedded demo catalogue (generation 0). */
public class NoKafkaProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bricks.catalog.kafka-enabled", "false");
    }
}
