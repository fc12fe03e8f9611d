package dev.bricks.cart.it;

import dev.bricks.testing.Launcher;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What the cart integration tests share: the real Redis and Kafka started by ./bricks, a fresh
 * Redis key prefix and a fresh orders topic per run (nothing left over from other runs or the
 * running shop is seen), the catalog stub's port, and short fault-tolerance settings.
 */
public class CartTestEnvironment implements QuarkusTestResourceLifecycleManager {

    static final String GATEWAY_FT = "quarkus.fault-tolerance.\"dev.bricks.cart.catalog.CatalogGateway/fetch\".";

    private String topic;

    @Override
    public Map<String, String> start() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        topic = "orders.placed.cart-it-" + run;
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the test topic on " + bootstrap()
                    + " (run the tests with ./bricks test or after ./bricks infra up)", e);
        }
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
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort: a leftover test topic harms nobody
        }
    }

    static String bootstrap() {
        return Launcher.env("BRICKS_KAFKA_BOOTSTRAP", "127.0.0.1:19092");
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "20000");
        return Admin.create(props);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
