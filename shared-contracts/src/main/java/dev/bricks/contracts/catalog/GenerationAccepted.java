package dev.bricks.contracts.catalog;

import java.time.Instant;

/**
 * Answer of {@code POST /api/catalog/generations} (202): the upload is on the topic and every
 * replica will activate it at {@code activateAt}.
 */
public record GenerationAccepted(long generation, Instant activateAt, int products, String checksum) {
}
