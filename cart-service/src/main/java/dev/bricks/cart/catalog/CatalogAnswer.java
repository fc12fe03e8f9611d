package dev.bricks.cart.catalog;

import dev.bricks.contracts.catalog.Product;

/** A product as the catalog answered it, with the catalogue generation that answered. */
public record CatalogAnswer(Product product, long generation) {
}
