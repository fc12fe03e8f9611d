package dev.bricks.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order as order-service serves it ({@code GET /api/orders/{id}}, lists and pages).
 *
 * @param history every status the order has had, oldest first, with who set it and when
 */
public record OrderView(
        String orderId,
        String cartId,
        String customerId,
        String email,
        OrderStatus status,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String currency,
        long catalogGeneration,
        Instant placedAt,
        List<Line> lines,
        List<StatusChange> history) {

    /** One ordered line, priced as at checkout. */
    public record Line(String sku, String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice, int quantity,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal lineTotal) {
    }

    /** The order entered {@code status} at {@code at}, set by {@code by} (an e-mail, or "checkout"). */
    public record StatusChange(OrderStatus status, Instant at, String by) {
    }
}
