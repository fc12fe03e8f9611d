package dev.bricks.contracts.order;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Orders and revenue per day (UTC, by placed time), status and currency within [from, to).
 */
public record OrderSummary(Instant from, Instant to, List<Row> rows) {

    public record Row(LocalDate day, OrderStatus status, String currency, long orders,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal revenue) {
    }
}
