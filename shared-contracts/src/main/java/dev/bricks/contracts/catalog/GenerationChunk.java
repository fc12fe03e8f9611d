package dev.bricks.contracts.catalog;

import java.util.List;

/**
 * Event on the topic {@code catalog.generations}: one slice of an uploaded catalogue, in upload
 * order. The chunks of one upload share its {@code uploadId}; they are published before the
 * {@link GenerationCommit} that turns them into a generation, each small enough for the broker's
 * default 1 MiB record limit.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this code
 * @param uploadId      random id of the upload the chunk belongs to
 * @param index         0-based position of this chunk within the upload
 * @param products      the products of this chunk, in upload order
 */
public record GenerationChunk(int schemaVersion, String uploadId, int index, List<Product> products) {

    public static final int SCHEMA_VERSION = 1;
    /** Value of the Kafka record header {@link GenerationCommit#TYPE_HEADER} for a chunk. */
    public static final String TYPE = "catalog.generation.chunk";
}
