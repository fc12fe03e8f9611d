package dev.bricks.cart.store;

import dev.bricks.cart.CartConfig;
import dev.bricks.contracts.problem.ProblemException;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the cart's Lua scripts. A script that writes is sent together with {@code WAIT} on the
 * same connection (one round trip): its change is acknowledged only once
 * {@code bricks.cart.redis.ack-replicas} replicas have it, so a Sentinel promoting a replica
 * after the primary dies loses nothing a shopper was told had happened. Without that wait,
 * Redis replication is asynchronous and a failover drops the newest acknowledged writes.
 */
@ApplicationScoped
public class RedisScripts {

    private static final Logger LOG = Logger.getLogger(RedisScripts.class);

    private final Redis redis;
    private final CartConfig.Redis config;

    RedisScripts(Redis redis, CartConfig config) {
        this.redis = redis;
        this.config = config.redis();
    }

    public Response run(LuaScript script, List<String> keys, String... args) {
        try {
            try {
                return send(script, script.evalsha(keys, args));
            } catch (RuntimeException e) {
                if (!mentions(e, "NOSCRIPT")) {
                    throw e;
                }
                return send(script, script.eval(keys, args));
            }
        } catch (NotReplicated e) {
            LOG.warnf("Redis script %s: %s", script.name(), e.getMessage());
            throw ProblemException.unavailable(
                    "the cart store (Redis) could not copy the change to a replica; try again shortly", 2);
        } catch (RuntimeException e) {
            LOG.warnf("Redis script %s failed: %s", script.name(), e.toString());
            throw ProblemException.unavailable("the cart store (Redis) is unavailable; try again shortly", 2);
        }
    }

    private Response send(LuaScript script, Request call) {
        Duration limit = config.commandTimeout();
        int replicas = config.ackReplicas();
        if (!script.writes() || replicas == 0) {
            return redis.send(call).await().atMost(limit);
        }
        Request wait = Request.cmd(Command.WAIT).arg(replicas).arg(config.ackTimeout().toMillis());
        List<Response> replies = redis.batch(List.of(call, wait)).await().atMost(limit.plus(config.ackTimeout()));
        long acknowledged = replies.get(1).toLong();
        if (acknowledged < replicas) {
            throw new NotReplicated(acknowledged, replicas);
        }
        return replies.get(0);
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static final class NotReplicated extends RuntimeException {
        NotReplicated(long acknowledged, int wanted) {
            super("only " + acknowledged + " of " + wanted + " replica(s) acknowledged the change in time",
                    null, false, false);
        }
    }
}
