package dev.bricks.cart.store;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Creates the Redis data sources on the main thread while the brick starts, before any other
 * start-up observer, the scheduler or a request can. The Redis extension keeps them in a plain
 * {@code HashMap} ({@code RedisClientRecorder.getReactiveDataSource}): when the sweep's first run
 * created one on a scheduler thread while the main thread created the other, the start failed
 * with a {@code ConcurrentModificationException} (seen once in twenty starts, issue #12).
 */
@ApplicationScoped
class EagerRedisDataSources {

    void create(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started,
            RedisDataSource blocking, ReactiveRedisDataSource reactive) {
        // a call on each client proxy makes the container create the bean now
        blocking.getReactive();
        reactive.getRedis();
    }
}
