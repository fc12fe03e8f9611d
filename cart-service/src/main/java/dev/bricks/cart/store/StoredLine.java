package dev.bricks.cart.store;

/** One line as Redis holds it; {@code snapshot} may be null only for data written by hand. */
public record StoredLine(String sku, int quantity, PriceSnapshot snapshot, long addedAt) {
}
