package dev.bricks.catalog.generation;

import java.time.Instant;

/**
 * Record on the topic {@code catalog.generations}: the last record of an upload. Its
 * broker-assigned offset + 1 is the generation number, so numbers are unique and increasing even
 * when several replicas accept uploads at once. A replica activates the generation at
 * {@code activateAt} once it has staged all {@code chunks} and the {@code products} count and
 * {@code checksum} match. Written and read by catalog replicas only (wire format pinned by
 * {@code golden/generation-commit-v1.json} in shared-contracts' test resources).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param uploadId      the id carried by this upload's {@link GenerationChunk}s
 * @param activateAt    the instant every replica switches to this generation
 * @param products      number of products over all chunks
 * @param chunks        number of chunks
 * @param checksum      lowercase hex SHA-256 over the canonical JSON lines of the products, in order
 * @param uploadedBy    the staff member who uploaded it
 * @param uploadedAt    when the upload was accepted
 */
public record GenerationCommit(int schemaVersion, String uploadId, Instant activateAt, int products, int chunks,
        String checksum, String uploadedBy, Instant uploadedAt) implements GenerationRecord {

    public static final int SCHEMA_VERSION = 1;
    /** Name of the Kafka record header that tells a chunk from a commit. */
    public static final String TYPE_HEADER = "bricks-type";
    /** Value of {@link #TYPE_HEADER} for a commit. */
    public static final String TYPE = "catalog.generation.commit";
}
