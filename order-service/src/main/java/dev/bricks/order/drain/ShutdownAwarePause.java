package dev.bricks.order.drain;

import java.time.Duration;

/**
 * A back-off pause that a shutdown cuts short: the drain and the dead-letter indexer wait between
 * retries while the database is away, and must let the brick stop promptly meanwhile.
 */
public final class ShutdownAwarePause {

    private volatile boolean stopping;

    /** From now on every pause ends at once and answers false. */
    public void stop() {
        stopping = true;
    }

    /** True once {@link #stop()} was called. */
    public boolean stopping() {
        return stopping;
    }

    /** Waits up to {@code delay}; false when the brick is stopping (or the thread was interrupted). */
    public boolean pause(Duration delay) {
        long until = System.nanoTime() + delay.toNanos();
        try {
            while (!stopping && System.nanoTime() < until) {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }
}
