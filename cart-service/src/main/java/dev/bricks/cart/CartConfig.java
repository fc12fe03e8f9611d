package dev.bricks.cart;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Everything under {@code bricks.cart.*}; see the README for what each key does. */
@ConfigMapping(prefix = "bricks.cart")
public interface CartConfig {

    /** Prepended to every Redis key (tests use a fresh one per run). */
    Optional<String> keyPrefix();

    /** Lines a cart may hold. */
    @WithDefault("100")
    int maxLines();

    /** Redis TTL of a cart, renewed by every change: the backstop behind the sweep. */
    @WithDefault("P30D")
    Duration ttl();

    /** Currency of an empty cart's total. */
    @WithDefault("EUR")
    String currency();

    Catalog catalog();

    Sweep sweep();

    Checkout checkout();

    Redis redis();

    interface Redis {
        /**
         * Replicas that must have a change before it is acknowledged (Redis WAIT); 0 only for
         * a Redis without replicas. With 1 of 2 replicas, one of them may be down.
         */
        @WithDefault("1")
        int ackReplicas();

        /** How long a change waits for its replicas before the shopper gets a 503. */
        @WithDefault("1s")
        Duration ackTimeout();

        /** Bound on one script call (the failover of the primary takes about 2-3 s). */
        @WithDefault("5s")
        Duration commandTimeout();
    }

    interface Catalog {
        /**
         * How long a catalog answer is shown without asking again (prices change only at a
         * generation cutover, and checkout always asks); older answers serve only as fallback.
         */
        @WithDefault("30s")
        Duration freshFor();

        /** Retry-After (seconds) when a product cannot be priced. */
        @WithDefault("5")
        int retryAfterSeconds();
    }

    interface Sweep {
        /** How often each replica tries to sweep (only the lock holder does). */
        @WithDefault("5m")
        String every();

        /** Carts untouched for longer than this are emptied. */
        @WithDefault("P7D")
        Duration age();

        /** Expiry of the sweep lock, in case its holder dies. */
        @WithDefault("60s")
        Duration lockTtl();

        @WithDefault("200")
        int batchSize();
    }

    interface Checkout {
        /** How long a checkout waits for the broker's acknowledgement. */
        @WithDefault("10s")
        Duration publishTimeout();

        /**
         * How long a checkout attempt owns the cart before another may take over (longer than
         * the publish timeout). A replica that dies mid-checkout blocks the cart this long.
         */
        @WithDefault("12s")
        Duration lease();

        /** How long a checkout waits for another attempt at the same cart before answering 503. */
        @WithDefault("5s")
        Duration awaitOther();

        /** How long a published checkout is remembered (a retry answers the same order id). */
        @WithDefault("P1D")
        Duration rememberFor();

        @WithDefault("10")
        int retryAfterSeconds();
    }
}
