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
    /** The upload it came from; null for the demo catalogue. */
    final String uploadId;
    /** Its chunks live in their own upload topic (not in the generations topic, as written before #17). */
    final boolean ownTopic;
    volatile Status status = Status.STAGING;
    /** Its upload topic was deleted (or it had none to delete). */
    volatile boolean released;
    volatile Instant stagedAt;
    volatile Long stagingMillis;
    volatile Instant activatedAt;
    volatile String failure;

    Generation(long number, Instant activateAt, int products, String checksum, String uploadId, boolean ownTopic) {
        this.number = number;
        this.activateAt = activateAt;
        this.products = products;
        this.checksum = checksum;
        this.uploadId = uploadId;
        this.ownTopic = ownTopic;
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
