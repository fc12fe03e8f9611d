package dev.bricks.cart.support;

import dev.bricks.testing.Kafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the cart integration tests share: the real Redis and Kafka started by ./bricks, a fresh
 * Redis key prefix and a fresh orders topic per run (nothing left over from other runs or the
 * running shop is seen), the catalog stub's port, and short fault-tolerance settings.
 */
public class CartTestEnvironment implements QuarkusTestResourceLifecycleManager {

    public static final String GATEWAY_FT = "quarkus.fault-tolerance.\"dev.bricks.cart.catalog.CatalogGateway/fetch\".";

    private String topic;

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "orders.placed.cart-it-" + run;
        Kafka.createTopic(topic, 3);
        return Map.ofEntries(
                Map.entry("bricks.cart.key-prefix", "cart-it-" + run + ":"),
                Map.entry("mp.messaging.outgoing.orders-placed.topic", topic),
                Map.entry("quarkus.rest-client.catalog.url", "http://127.0.0.1:" + freePort()),
                Map.entry("bricks.cart.catalog.retry-after-seconds", "2"),
                Map.entry("bricks.cart.ttl", "PT2H"),
                Map.entry("bricks.cart.sweep.every", "1h"),
                Map.entry("bricks.cart.sweep.lock-ttl", "10s"),
                Map.entry(GATEWAY_FT + "timeout.value", "500"),
                Map.entry(GATEWAY_FT + "circuit-breaker.delay", "4000"));
    }

    @Override
    public void stop() {
        try {
            Kafka.deleteTopic(topic);
        } catch (RuntimeException e) {
            // best effort: a leftover test topic harms nobody
        }
    }

    /** This run's orders topic, as the application under test was configured (read it with {@link Kafka}). */
    public static String ordersTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.outgoing.orders-placed.topic", String.class);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
