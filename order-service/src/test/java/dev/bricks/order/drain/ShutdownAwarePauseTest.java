package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ShutdownAwarePauseTest {

    @Test
    void aRecordIsHandledWhileTheBrickRuns() {
        ShutdownAwarePause pause = new ShutdownAwarePause();
        CompletionStage<Void> done = CompletableFuture.completedFuture(null);

        assertEquals(done, pause.handle(() -> done));
    }

    @Test
    void aRecordHandedOverAfterTheStopIsLeftUnacknowledgedAndNotHandled() throws Exception {
        ShutdownAwarePause pause = new ShutdownAwarePause();
        AtomicBoolean handled = new AtomicBoolean();
        pause.stop();

        CompletionStage<Void> outcome = pause.handle(() -> {
            handled.set(true);
            return CompletableFuture.completedFuture(null);
        });

        assertFalse(handled.get(), "no record is handled once the brick is stopping");
        assertFalse(outcome.toCompletableFuture().isDone(), "the record is neither acked nor nacked");
    }

    @Test
    void theStopWaitsForTheRecordInHandToFinish() throws Exception {
        ShutdownAwarePause pause = new ShutdownAwarePause();
        CountDownLatch inHand = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = new Thread(() -> pause.handle(() -> {
            inHand.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            finished.set(true);
            return CompletableFuture.completedFuture(null);
        }));
        worker.start();
        assertTrue(inHand.await(5, TimeUnit.SECONDS));

        Thread stopper = new Thread(() -> {
            try {
                pause.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        stopper.join(200);
        assertTrue(stopper.isAlive(), "the stop waits while a record is in hand");

        release.countDown();
        stopper.join(5_000);
        assertFalse(stopper.isAlive(), "the stop returns once the record in hand finished");
        assertTrue(finished.get());
        worker.join(5_000);
    }

    @Test
    void aPauseEndsAtOnceWhenTheBrickStops() throws Exception {
        ShutdownAwarePause pause = new ShutdownAwarePause();
        pause.stop();

        assertFalse(pause.pause(Duration.ofSeconds(30)));
    }
}
