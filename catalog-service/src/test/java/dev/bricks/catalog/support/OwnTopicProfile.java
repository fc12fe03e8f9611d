package dev.bricks.catalog.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A replica on a generations topic of its own: another test class's clean-up (which deletes the
 * topic of the application it shares) cannot take it away.
 */
public class OwnTopicProfile implements QuarkusTestProfile {

    private static final String TOPIC = "catalog.generations.it-own-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("bricks.catalog.topic", TOPIC);
    }
}
