package dev.bricks.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One catalogue generation as a catalog replica sees it ({@code GET /api/catalog/generations}).
 *
 * @param number       generation number (0 = the demo catalogue packaged in the service)
 * @param state        STAGING, STAGED, ACTIVE, RETIRED (superseded, dropped after a grace period) or FAILED
 * @param products     number of products
 * @param checksum     SHA-256 of the canonical product lines
 * @param activateAt   the requested activation instant
 * @param activatedAt  when this replica started serving it (null until then)
 * @param stagingMillis time this replica took from the first chunk to a verified generation
 * @param failure      why verification failed, for a FAILED generation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationView(long number, String state, int products, String checksum, Instant activateAt,
        Instant activatedAt, Long stagingMillis, String failure) {
}
