package dev.bricks.order.drain;

import dev.bricks.contracts.order.OrderPlaced;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Drains {@code orders.placed} one record at a time into the orders database.
 * <ul>
 * <li>stored (or already stored: a redelivery) → ack, after the transaction committed; the
 * throttled commit strategy commits a partition's offset only up to the oldest record not acked;</li>
 * <li>a record that can never be stored → nack, which the dead-letter-queue failure strategy
 * turns into a copy on {@code orders.placed.dlq} with header {@code dead-letter-reason};</li>
 * <li>the database does not answer → the same record is retried with back-off until it does;
 * since processing is ordered, draining pauses and nothing behind it is skipped.</li>
 * <li>the brick is stopping → the record is left unacknowledged for the next owner of its partition.</li>
 * </ul>
 */
@ApplicationScoped
public class OrderDrain {

    private static final Logger LOG = Logger.getLogger(OrderDrain.class);

    private final OrderIntake intake;
    private final Backoff backoff;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Counter databaseRetries;
    private final ShutdownAwarePause pause = new ShutdownAwarePause();
    private final OldestUnstored oldestUnstored = new OldestUnstored(Clock.systemUTC());

    public OrderDrain(OrderIntake intake, MeterRegistry registry,
            @ConfigProperty(name = "bricks.orders.retry.initial-delay") Duration initialDelay,
            @ConfigProperty(name = "bricks.orders.retry.max-delay") Duration maxDelay) {
        this.intake = intake;
        this.backoff = new Backoff(initialDelay, maxDelay);
        this.stored = drained(registry, "stored");
        this.duplicates = drained(registry, "duplicate");
        this.deadLettered = drained(registry, "dead_lettered");
        this.databaseRetries = Counter.builder("orders.drain.database.retries")
                .description("attempts to store an order that failed because the database did not answer")
                .register(registry);
        Gauge.builder("orders.drain.oldest.unstored.age", oldestUnstored, OldestUnstored::ageSeconds)
                .description("how long the checkout being drained has waited since Kafka accepted it; 0 when idle")
                .baseUnit("seconds")
                .register(registry);
    }

    private static Counter drained(MeterRegistry registry, String outcome) {
        return Counter.builder("orders.drained")
                .description("records of orders.placed drained, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        pause.stop();
    }

    @Incoming("orders-placed")
    @Blocking(ordered = true)
    public CompletionStage<Void> drain(Message<String> record) {
        return pause.handle(() -> {
            oldestUnstored.draining(record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(IncomingKafkaRecordMetadata::getTimestamp).orElse(null));
            try (RecordTrace ignored = RecordTrace.of(record)) {
                return store(record);
            } finally {
                oldestUnstored.done();
            }
        });
    }

    private CompletionStage<Void> store(Message<String> record) {
        OrderPlaced order;
        try {
            order = intake.read(record.getPayload());
        } catch (UnprocessableRecordException e) {
            return deadLetter(record, e);
        }
        for (int failures = 1;; failures++) {
            try {
                if (intake.store(order) == OrderIntake.Outcome.STORED) {
                    stored.increment();
                    LOG.infof("order %s stored", order.orderId());
                } else {
                    duplicates.increment();
                    LOG.debugf("order %s was already stored (redelivered record)", order.orderId());
                }
                return record.ack();
            } catch (UnprocessableRecordException e) {
                return deadLetter(record, e);
            } catch (RuntimeException e) {
                databaseRetries.increment();
                Duration delay = backoff.after(failures);
                LOG.warnf("cannot store order %s (attempt %d: %s); draining paused, retrying in %d ms",
                        order.orderId(), failures, OrderIntake.rootMessage(e), delay.toMillis());
                if (!pause.pause(delay)) {
                    // Shutting down: leave the record unacknowledged; its offset is not committed,
                    // so the next consumer of the partition gets it again.
                    return new CompletableFuture<>();
                }
            }
        }
    }

    private CompletionStage<Void> deadLetter(Message<String> record, UnprocessableRecordException reason) {
        deadLettered.increment();
        LOG.warnf("dead-lettering a record of orders.placed: %s", reason.getMessage());
        return record.nack(reason);
    }
}
