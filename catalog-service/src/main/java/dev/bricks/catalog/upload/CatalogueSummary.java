package dev.bricks.catalog.upload;

/** What validation tells of a valid upload: how many products it holds and their checksum. */
public record CatalogueSummary(int products, String checksum) {
}
