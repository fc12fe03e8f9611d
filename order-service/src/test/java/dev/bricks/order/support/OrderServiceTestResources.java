package dev.bricks.order.support;

import dev.bricks.testing.Kafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

/**
 * What the @QuarkusTest application needs around it: its own fresh orders topic, dead-letter topic
 * and consumer group (the shared orders.placed stays untouched), and the stand-in token endpoint
 * for the back-office sign-in.
 */
public class OrderServiceTestResources implements QuarkusTestResourceLifecycleManager {

    private FakeTokenEndpoint tokens;

    @Override
    public Map<String, String> start() {
        String ordersTopic = Kafka.freshTopic("it.orders.placed", 3);
        String deadLetterTopic = Kafka.freshTopic("it.orders.placed.dlq", 1);
        try {
            tokens = new FakeTokenEndpoint();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "bricks.orders.topic", ordersTopic,
                "bricks.orders.dlq-topic", deadLetterTopic,
                "bricks.orders.consumer-group", "it-order-service-" + UUID.randomUUID(),
                "quarkus.rest-client.customers.url", tokens.baseUrl());
    }

    @Override
    public void stop() {
        if (tokens != null) {
            tokens.stop();
        }
    }
}
