package dev.bricks.cart.pricing;

import dev.bricks.contracts.Money;

/**
 * The price a line is shown or ordered at.
 *
 * @param generation the catalogue generation that answered (0 when unknown, e.g. a stale quote)
 * @param stale      a last known price, not a fresh catalog answer
 */
public record PriceQuote(String name, Money unitPrice, long generation, boolean stale) {
}
