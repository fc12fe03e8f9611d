package dev.bricks.order.drain;

import java.time.Clock;
import java.time.Instant;

/**
 * How long the checkout being drained now has waited since the cart had it accepted by Kafka (the
 * record's timestamp). Records are drained in order, one at a time, so while the database does not
 * answer this is the oldest accepted checkout that is not stored yet. One volatile write per record;
 * the age is only computed when {@code /q/metrics} is scraped.
 */
final class OldestUnstored {

    private static final long NONE = Long.MIN_VALUE;

    private final Clock clock;
    private volatile long acceptedAtMillis = NONE;

    OldestUnstored(Clock clock) {
        this.clock = clock;
    }

    void draining(Instant acceptedAt) {
        // a record without a timestamp counts from when the drain got it
        acceptedAtMillis = acceptedAt != null && acceptedAt.toEpochMilli() > 0 ? acceptedAt.toEpochMilli()
                : clock.millis();
    }

    void done() {
        acceptedAtMillis = NONE;
    }

    /** Seconds since the record being drained was accepted; 0 when none is being drained. */
    double ageSeconds() {
        long since = acceptedAtMillis;
        return since == NONE ? 0 : Math.max(0, clock.millis() - since) / 1000.0;
    }
}
