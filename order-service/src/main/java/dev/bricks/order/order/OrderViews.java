package dev.bricks.order.order;

import dev.bricks.contracts.Money;
import dev.bricks.contracts.order.OrderView;
import dev.bricks.order.store.OrderEntity;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Entity → public DTO. Amounts are shown with the currency's decimals ("12.50", not "12.5"). */
final class OrderViews {

    private OrderViews() {
    }

    static OrderView of(OrderEntity order) {
        int decimals = decimals(order.currency);
        return new OrderView(order.orderId.toString(), order.cartId, order.customerId.toString(), order.email,
                order.status, money(order.total, decimals), order.currency, order.catalogGeneration,
                order.placedAt,
                order.lines.stream().map(line -> new OrderView.Line(line.sku, line.name,
                        money(line.unitPrice, decimals), line.quantity,
                        money(line.unitPrice.multiply(BigDecimal.valueOf(line.quantity)), decimals))).toList(),
                order.history.stream().map(change -> new OrderView.StatusChange(change.status, change.changedAt,
                        change.changedBy)).toList());
    }

    /** The currency's decimals ({@link Money#decimals}); the column is {@code char(3)}, hence the trim. */
    static int decimals(String currency) {
        return Money.decimals(currency.trim());
    }

    /** Exact: the drain admits no amount with more decimals than its currency has. */
    static BigDecimal money(BigDecimal amount, int decimals) {
        return amount.setScale(Math.max(decimals, amount.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY);
    }
}
