package dev.bricks.catalog.generation;

import dev.bricks.contracts.catalog.Product;
import java.util.List;

/**
 * Record on the topic {@code catalog.generations}: one slice of an uploaded catalogue, in upload
 * order. The chunks of one upload share its {@code uploadId}; they are published before the
 * {@link GenerationCommit} that turns them into a generation, each small enough for the broker's
 * default 1 MiB record limit. Written and read by catalog replicas only (wire format pinned by
 * {@code golden/generation-chunk-v1.json} in shared-contracts' test resources).
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param uploadId      random id of the upload the chunk belongs to
 * @param index         0-based position of this chunk within the upload
 * @param products      the products of this chunk, in upload order
 */
public record GenerationChunk(int schemaVersion, String uploadId, int index, List<Product> products)
        implements GenerationRecord {

    public static final int SCHEMA_VERSION = 1;
    /** Value of the Kafka record header {@link GenerationCommit#TYPE_HEADER} for a chunk. */
    public static final String TYPE = "catalog.generation.chunk";
}
