package dev.bricks.order.summary;

import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.order.OrderView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The day at a glance: per day of the range (every day, none left out) the orders and the revenue
 * per currency; the counts by status; the revenue per currency; the newest orders; and how many
 * dead letters are open. Revenue leaves cancelled orders out.
 */
public record Glance(SummaryRange range, List<Day> days, Map<OrderStatus, Long> byStatus, long orders,
        Map<String, BigDecimal> revenue, List<OrderView> newest, long openDeadLetters) {

    /** One day of the range. */
    public record Day(LocalDate day, long orders, Map<String, BigDecimal> revenue) {
    }

    public List<String> currencies() {
        return List.copyOf(revenue.keySet());
    }
}
