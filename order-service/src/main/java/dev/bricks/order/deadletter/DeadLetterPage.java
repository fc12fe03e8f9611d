package dev.bricks.order.deadletter;

import java.util.List;

/** One page of dead letters, newest first (the replays left out: see {@code GET /api/orders/dead-letters/{id}}). */
public record DeadLetterPage(List<DeadLetterView> items, int page, int size, long totalItems, int totalPages) {
}
