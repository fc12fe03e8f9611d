package dev.bricks.order.deadletter;

import java.util.List;

/**
 * The replay of every open dead letter with one reason (at most {@link DeadLetterService#MAX_BATCH} per call;
 * {@code remaining} says how many are still open with that reason afterwards).
 */
public record ReplayBatch(String reason, int stored, int alreadyStored, int failed, long remaining,
        List<ReplayResult> replays) {
}
