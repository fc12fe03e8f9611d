package dev.bricks.catalog.generation;

import dev.bricks.contracts.catalog.GenerationView;
import java.time.Instant;

/** One generation known to this replica. Written by the feed thread, read by request threads. */
final class Generation {

    enum Status {
        STAGING, STAGED, FAILED, DROPPED
    }

    final long number;
    final Instant activateAt;
    final String checksum;
    final int products;
    volatile Status status = Status.STAGING;
    volatile Instant stagedAt;
    volatile Long stagingMillis;
    volatile Instant activatedAt;
    volatile String failure;

    Generation(long number, Instant activateAt, int products, String checksum) {
        this.number = number;
        this.activateAt = activateAt;
        this.products = products;
        this.checksum = checksum;
    }

    boolean servable() {
        return status == Status.STAGED;
    }

    GenerationView view(long current) {
        String state = switch (status) {
            case STAGING -> "STAGING";
            case FAILED -> "FAILED";
            case DROPPED -> "RETIRED";
            case STAGED -> number == current ? "ACTIVE" : activatedAt != null ? "RETIRED" : "STAGED";
        };
        return new GenerationView(number, state, products, checksum, activateAt, activatedAt, stagingMillis, failure);
    }
}
