package dev.bricks.contracts.catalog;

/** An entry of {@code GET /api/catalog/categories}: a category and how many products it holds. */
public record CategoryCount(String name, long products) {
}
