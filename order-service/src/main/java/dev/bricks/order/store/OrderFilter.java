package dev.bricks.order.store;

import dev.bricks.contracts.order.OrderStatus;
import java.time.Instant;
import java.util.UUID;

/** What a back-office list is narrowed to; a null field does not filter. {@code to} is exclusive. */
public record OrderFilter(OrderStatus status, UUID customerId, String email, String sku, Instant from, Instant to) {

    public static OrderFilter none() {
        return new OrderFilter(null, null, null, null, null, null);
    }

    public static OrderFilter ofCustomer(UUID customerId) {
        return new OrderFilter(null, customerId, null, null, null, null);
    }
}
