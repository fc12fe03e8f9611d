package dev.bricks.order.drain;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * How a consumer of the order brick stops: the drain and the dead-letter indexer handle one record at a
 * time, wait between retries while the database is away, and must let the brick stop promptly. Quarkus
 * closes the database after the shutdown observers have run and the Kafka connector after that, so
 * {@link #stop()} lets the record in hand finish first, and every record handed over later is left
 * unacknowledged: its offset is not committed, and the next owner of its partition handles it.
 */
public final class ShutdownAwarePause {

    private static final Duration IN_HAND_GRACE = Duration.ofSeconds(5);

    private final ReentrantLock inHand = new ReentrantLock();
    private volatile boolean stopping;

    /**
     * From now on every pause ends at once and answers false, and no record is handled; waits up to
     * 5 s for the one in hand.
     */
    public void stop() throws InterruptedException {
        stopping = true;
        if (inHand.tryLock(IN_HAND_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            inHand.unlock();
        }
    }

    /** Handles one record with {@code work}, unless the brick is stopping: then leaves it unacknowledged. */
    public CompletionStage<Void> handle(Supplier<CompletionStage<Void>> work) {
        inHand.lock();
        try {
            return stopping ? new CompletableFuture<>() : work.get();
        } finally {
            inHand.unlock();
        }
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
