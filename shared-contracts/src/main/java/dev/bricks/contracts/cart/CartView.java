package dev.bricks.contracts.cart;

import dev.bricks.contracts.Money;
import java.util.List;

/**
 * A cart as {@code GET /api/carts/{id}} (and every change of it) shows it.
 *
 * @param id         the cart id (128 random bits, base64url)
 * @param lines      the lines in the order they were first added
 * @param total      sum of the line totals, in the cart's currency
 * @param itemCount  sum of the quantities
 * @param priceStale true when at least one line shows a last known price because the catalog
 *                   could not be asked just now
 */
public record CartView(String id, List<CartLine> lines, Money total, int itemCount, boolean priceStale) {
}
