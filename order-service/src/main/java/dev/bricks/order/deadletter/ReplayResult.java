package dev.bricks.order.deadletter;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one replay of a dead letter did: STORED (the order is stored now), ALREADY_STORED (it was
 * stored before: nothing changed) or FAILED (still dead-lettered, with {@code reason}).
 */
public record ReplayResult(long deadLetterId, String orderId,
        @Schema(enumeration = { "STORED", "ALREADY_STORED", "FAILED" }) String outcome, String reason, Instant at,
        String by) {

    public boolean failed() {
        return "FAILED".equals(outcome);
    }
}
