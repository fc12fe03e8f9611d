package dev.bricks.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Published by cart-service to {@code orders.placed} (key = orderId) once a checkout is accepted;
 * consumed by order-service. A reader rejects a {@code schemaVersion} it does not know.
 */
public record OrderPlaced(
        int schemaVersion,
        String orderId,
        String cartId,
        String customerId,
        String email,
        List<Line> lines,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
        String currency,
        long catalogGeneration,
        Instant placedAt) {

    public static final int SCHEMA_VERSION = 1;
    public static final String TOPIC = "orders.placed";
    public static final String DEAD_LETTER_TOPIC = "orders.placed.dlq";

    /** One cart line at checkout, priced by the catalog at that moment. */
    public record Line(String sku, String name,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice, int quantity) {
    }
}
