package dev.bricks.order.deadletter;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A record of the dead-letter topic as staff see it.
 *
 * @param deadLetteredAt when it reached the dead-letter topic
 * @param reason         why it could not be stored (the latest reason, if a replay failed again)
 * @param status         OPEN (still dead-lettered) or REPLAYED (a replay stored its order, or found it stored)
 * @param orderId        the order id, customer id and e-mail when the record could be read; else null
 * @param source         where the record was on the orders topic, when known
 * @param key            the raw record: its key and value as dead-lettered
 * @param replays        every replay, oldest first
 */
public record DeadLetterView(long id, Instant deadLetteredAt, String reason,
        @Schema(enumeration = { "OPEN", "REPLAYED" }) String status, String orderId, String customerId,
        String email, Source source, String key, String value, List<Replay> replays) {

    /** The record's place on the orders topic before it was dead-lettered. */
    public record Source(String topic, Integer partition, Long offset) {
    }

    /** One replay: who, when, and what came of it (the reason when it failed again). */
    public record Replay(Instant at, String by,
            @Schema(enumeration = { "STORED", "ALREADY_STORED", "FAILED" }) String outcome, String reason) {
    }
}
