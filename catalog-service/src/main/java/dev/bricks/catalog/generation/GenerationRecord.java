package dev.bricks.catalog.generation;

/** A record of the topic {@code catalog.generations}: a {@link GenerationChunk} or a {@link GenerationCommit}. */
public sealed interface GenerationRecord permits GenerationChunk, GenerationCommit {
}
