package dev.bricks.cart.sweep;

import dev.bricks.cart.CartConfig;
import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.store.LuaScript;
import dev.bricks.cart.store.RedisScripts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Empties carts nobody touched for {@code bricks.cart.sweep.age}. Every replica schedules it;
 * only the holder of the {@link SweepLock} sweeps. Candidates come from the {@code carts:touched}
 * index; each cart is emptied by a script that first checks it was not touched in between.
 */
@ApplicationScoped
public class AbandonedCartSweep {

    private static final Logger LOG = Logger.getLogger(AbandonedCartSweep.class);
    private static final LuaScript SWEEP_ONE = LuaScript.load("sweep_one");

    /** What one run did: {@code ran} false when another replica held the lock. */
    public record Result(boolean ran, int swept) {
    }

    private final RedisDataSource redis;
    private final RedisScripts scripts;
    private final CartKeys keys;
    private final SweepLock lock;
    private final CartConfig config;
    private final Counter swept;

    AbandonedCartSweep(RedisDataSource redis, RedisScripts scripts, CartKeys keys, SweepLock lock, CartConfig config,
            MeterRegistry metrics) {
        this.redis = redis;
        this.scripts = scripts;
        this.keys = keys;
        this.lock = lock;
        this.config = config;
        this.swept = Counter.builder("bricks.cart.swept").description("abandoned carts emptied by the sweep")
                .register(metrics);
    }

    // the first run waits until the brick has started (see EagerRedisDataSources)
    @Scheduled(identity = "abandoned-cart-sweep", every = "${bricks.cart.sweep.every:5m}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            Result result = sweep(config.sweep().age());
            if (result.swept() > 0) {
                LOG.infof("emptied %d abandoned carts", result.swept());
            }
        } catch (RuntimeException e) {
            LOG.warnf("abandoned-cart sweep failed, next run will retry: %s", e.toString());
        }
    }

    /** Empties the carts untouched for longer than {@code age}, if this replica gets the lock. */
    public Result sweep(Duration age) {
        Duration lockTtl = config.sweep().lockTtl();
        Optional<String> token = lock.tryAcquire(lockTtl);
        if (token.isEmpty()) {
            return new Result(false, 0);
        }
        long started = System.nanoTime();
        int count = 0;
        try {
            String cutoff = Long.toString(redisNowMillis() - age.toMillis());
            // stop well before the lock could expire, so that two sweeps never overlap
            long budget = lockTtl.toNanos() / 2;
            while (System.nanoTime() - started < budget) {
                Response batch = redis.execute("ZRANGEBYSCORE", keys.touched(), "-inf", cutoff,
                        "LIMIT", "0", Integer.toString(config.sweep().batchSize()));
                if (batch == null || batch.size() == 0) {
                    break;
                }
                int skipped = 0;
                for (Response member : batch) {
                    String cartId = member.toString();
                    int outcome = scripts.run(SWEEP_ONE,
                            List.of(keys.cart(cartId), keys.checkout(cartId), keys.touched()), cartId, cutoff)
                            .toInteger();
                    if (outcome == 1) {
                        count++;
                        swept.increment();
                    } else if (outcome < 0) {
                        skipped++;
                    }
                }
                if (batch.size() < config.sweep().batchSize() || skipped == batch.size()) {
                    break; // the last batch, or only carts being checked out are left
                }
            }
        } finally {
            lock.release(token.get());
        }
        return new Result(true, count);
    }

    private long redisNowMillis() {
        Response time = redis.execute("TIME");
        return time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
    }
}
