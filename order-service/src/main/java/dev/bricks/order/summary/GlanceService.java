package dev.bricks.order.summary;

import dev.bricks.contracts.Money;
import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.order.deadletter.DeadLetterService;
import dev.bricks.order.order.OrderService;
import dev.bricks.order.store.OrderFilter;
import dev.bricks.order.store.OrderStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the back-office's summary page from the stored orders and the dead-letter index. */
@ApplicationScoped
public class GlanceService {

    static final int NEWEST = 8;

    private final OrderStore store;
    private final OrderService orders;
    private final DeadLetterService deadLetters;

    public GlanceService(OrderStore store, OrderService orders, DeadLetterService deadLetters) {
        this.store = store;
        this.orders = orders;
        this.deadLetters = deadLetters;
    }

    @Transactional
    public Glance glance(SummaryRange range) {
        return of(range, store.summary(range.from(), range.to(), range.zone()),
                orders.list(OrderFilter.none(), 0, NEWEST).items(), deadLetters.countOpen());
    }

    static Glance of(SummaryRange range, List<OrderStore.SummaryRow> rows,
            List<dev.bricks.contracts.order.OrderView> newest, long openDeadLetters) {
        Map<OrderStatus, Long> byStatus = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            byStatus.put(status, 0L);
        }
        Map<String, BigDecimal> revenue = new TreeMap<>();
        Map<LocalDate, Long> ordersPerDay = new HashMap<>();
        Map<LocalDate, Map<String, BigDecimal>> revenuePerDay = new HashMap<>();
        long total = 0;
        for (OrderStore.SummaryRow row : rows) {
            byStatus.merge(row.status(), row.orders(), Long::sum);
            ordersPerDay.merge(row.day(), row.orders(), Long::sum);
            total += row.orders();
            if (row.status() != OrderStatus.CANCELLED) {
                revenue.merge(row.currency(), row.revenue(), BigDecimal::add);
                revenuePerDay.computeIfAbsent(row.day(), d -> new TreeMap<>())
                        .merge(row.currency(), row.revenue(), BigDecimal::add);
            }
        }
        revenue.replaceAll((currency, amount) -> scaled(amount, currency));
        List<Glance.Day> days = new ArrayList<>();
        for (LocalDate day = range.first(); !day.isAfter(range.last()); day = day.plusDays(1)) {
            Map<String, BigDecimal> dayRevenue = new TreeMap<>(revenuePerDay.getOrDefault(day, Map.of()));
            dayRevenue.replaceAll((currency, amount) -> scaled(amount, currency));
            days.add(new Glance.Day(day, ordersPerDay.getOrDefault(day, 0L), dayRevenue));
        }
        return new Glance(range, days, byStatus, total, revenue, newest, openDeadLetters);
    }

    private static BigDecimal scaled(BigDecimal amount, String currency) {
        int decimals = Money.decimals(currency.trim());
        return amount.setScale(Math.max(decimals, amount.stripTrailingZeros().scale()));
    }
}
