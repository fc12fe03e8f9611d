package dev.bricks.cart.support;

import dev.bricks.cart.CartConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Removes this test run's Redis keys (they all carry the run's fresh prefix) when the app stops. */
@ApplicationScoped
public class TestKeysCleanup {

    void onStop(@Observes ShutdownEvent event, RedisDataSource redis, CartConfig config) {
        String prefix = config.keyPrefix().orElse("");
        if (!prefix.startsWith("cart-it-")) {
            return;
        }
        try {
            String cursor = "0";
            do {
                Response page = redis.execute("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "500");
                cursor = page.get(0).toString();
                for (Response key : page.get(1)) {
                    redis.execute("UNLINK", key.toString());
                }
            } while (!"0".equals(cursor));
        } catch (RuntimeException e) {
            // best effort: the keys expire by themselves (test TTL 2h)
        }
    }
}
