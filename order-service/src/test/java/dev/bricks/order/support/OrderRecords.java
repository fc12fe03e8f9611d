package dev.bricks.order.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bricks.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Valid {@link OrderPlaced} events as cart-service publishes them (JSON, amounts as decimal strings). */
public final class OrderRecords {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private OrderRecords() {
    }

    /** Two lines: {@code sku} 2 × 12.50 and "BRK-COMMON" 1 × 3.99, total 28.99 EUR. */
    public static OrderPlaced order(String customerId, String email, String sku, Instant placedAt) {
        return new OrderPlaced(OrderPlaced.SCHEMA_VERSION, UUID.randomUUID().toString(),
                "cart-" + UUID.randomUUID(), customerId, email,
                List.of(new OrderPlaced.Line(sku, "Brick " + sku, new BigDecimal("12.50"), 2),
                        new OrderPlaced.Line("BRK-COMMON", "Common brick", new BigDecimal("3.99"), 1)),
                new BigDecimal("28.99"), "EUR", 1, placedAt.truncatedTo(ChronoUnit.MICROS));
    }

    public static OrderPlaced order() {
        return order(UUID.randomUUID().toString(), "it-" + UUID.randomUUID() + "@example.com", "BRK-IT",
                Instant.now());
    }

    public static String json(OrderPlaced order) {
        try {
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
