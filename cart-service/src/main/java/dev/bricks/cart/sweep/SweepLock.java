package dev.bricks.cart.sweep;

import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.store.LuaScript;
import dev.bricks.cart.store.RedisScripts;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sweep's lock, shared by all replicas: {@code SET key token NX PX ttl}. It expires by itself
 * if its holder dies, and only the holder (same token) can release it.
 */
@ApplicationScoped
public class SweepLock {

    private static final LuaScript RELEASE = LuaScript.load("release_lock");

    private final RedisDataSource redis;
    private final RedisScripts scripts;
    private final CartKeys keys;

    SweepLock(RedisDataSource redis, RedisScripts scripts, CartKeys keys) {
        this.redis = redis;
        this.scripts = scripts;
        this.keys = keys;
    }

    /** The holder's token when this replica got the lock, empty when another one holds it. */
    public Optional<String> tryAcquire(Duration ttl) {
        String token = UUID.randomUUID().toString();
        Response reply = redis.execute("SET", keys.sweepLock(), token, "NX", "PX", Long.toString(ttl.toMillis()));
        return reply != null && "OK".equals(reply.toString()) ? Optional.of(token) : Optional.empty();
    }

    public void release(String token) {
        scripts.run(RELEASE, List.of(keys.sweepLock()), token);
    }
}
