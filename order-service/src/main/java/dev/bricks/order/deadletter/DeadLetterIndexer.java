package dev.bricks.order.deadletter;

import dev.bricks.order.drain.Backoff;
import dev.bricks.order.drain.ShutdownAwarePause;
import dev.bricks.order.store.DeadLetterStore;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Indexes every record of the dead-letter topic into the orders database as it arrives, whichever
 * replica dead-lettered it: its own consumer group, one record at a time, acked after the commit.
 * The topic position is the row's unique key, so a redelivered record is indexed once. While the
 * database does not answer, the same record is retried with back-off (nothing is skipped).
 */
@ApplicationScoped
public class DeadLetterIndexer {

    static final String REASON = "dead-letter-reason";
    static final String SOURCE_TOPIC = "dead-letter-topic";
    static final String SOURCE_PARTITION = "dead-letter-partition";
    static final String SOURCE_OFFSET = "dead-letter-offset";
    static final String NO_REASON = "no dead-letter-reason header";

    private static final Logger LOG = Logger.getLogger(DeadLetterIndexer.class);

    private final DeadLetterStore store;
    private final Backoff backoff;
    private final ShutdownAwarePause pause = new ShutdownAwarePause();

    public DeadLetterIndexer(DeadLetterStore store,
            @ConfigProperty(name = "bricks.orders.retry.initial-delay") Duration initialDelay,
            @ConfigProperty(name = "bricks.orders.retry.max-delay") Duration maxDelay) {
        this.store = store;
        this.backoff = new Backoff(initialDelay, maxDelay);
    }

    void onShutdown(@Observes ShutdownEvent event) throws InterruptedException {
        pause.stop();
    }

    @Incoming("orders-dead-letters")
    @Blocking(ordered = true)
    public CompletionStage<Void> index(Message<String> record) {
        return pause.handle(() -> indexNow(record));
    }

    private CompletionStage<Void> indexNow(Message<String> record) {
        IncomingKafkaRecordMetadata<?, ?> meta = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("not a Kafka record"));
        DeadLetterStore.Arrival arrival = arrival(meta, record.getPayload());
        for (int failures = 1;; failures++) {
            try {
                store.index(arrival);
                return record.ack();
            } catch (RuntimeException e) {
                Duration delay = backoff.after(failures);
                LOG.warnf("cannot index dead letter %s-%d@%d (attempt %d: %s); retrying in %d ms",
                        arrival.dlqTopic(), arrival.dlqPartition(), arrival.dlqOffset(), failures, e.getMessage(),
                        delay.toMillis());
                if (!pause.pause(delay)) {
                    return new CompletableFuture<>();
                }
            }
        }
    }

    static DeadLetterStore.Arrival arrival(IncomingKafkaRecordMetadata<?, ?> meta, String value) {
        String key = meta.getKey() == null ? null : meta.getKey().toString();
        Headers headers = meta.getHeaders();
        RecordPeek peek = RecordPeek.of(key, value);
        String reason = header(headers, REASON);
        Instant at = meta.getTimestamp() == null || meta.getTimestamp().toEpochMilli() < 0 ? Instant.now()
                : meta.getTimestamp();
        return new DeadLetterStore.Arrival(meta.getTopic(), meta.getPartition(), meta.getOffset(), at,
                header(headers, SOURCE_TOPIC), integer(header(headers, SOURCE_PARTITION)),
                longOrNull(header(headers, SOURCE_OFFSET)), key, value,
                reason == null || reason.isBlank() ? NO_REASON : reason,
                peek.orderId(), peek.customerId(), peek.email());
    }

    private static String header(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        Long value = longOrNull(text);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    private static Long longOrNull(String text) {
        try {
            return text == null ? null : Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
