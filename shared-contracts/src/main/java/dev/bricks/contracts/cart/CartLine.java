package dev.bricks.contracts.cart;

import dev.bricks.contracts.Money;

/**
 * One line of a cart.
 *
 * @param priceStale true when {@code unitPrice} is the last known price, not a fresh catalog answer
 */
public record CartLine(String sku, String name, Money unitPrice, int quantity, Money lineTotal,
        boolean priceStale) {
}
