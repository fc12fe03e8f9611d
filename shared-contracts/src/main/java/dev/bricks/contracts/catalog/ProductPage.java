package dev.bricks.contracts.catalog;

import java.util.List;

/**
 * One page of {@code GET /api/catalog/products}.
 *
 * @param items      the products of this page
 * @param page       0-based page index
 * @param size       requested page size
 * @param total      number of products matching the query
 * @param generation the catalogue generation that answered
 */
public record ProductPage(List<Product> items, int page, int size, long total, long generation) {
}
