package dev.bricks.order.backoffice;

import dev.bricks.contracts.order.OrderView;
import dev.bricks.order.summary.Glance;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The summary page's content, ready to show: charts drawn, amounts and days written out. */
public record GlanceView(String range, String first, String last, String period, long orders, List<Count> byStatus,
        List<String> revenue, List<DayRow> days, List<OrderView> newest, long openDeadLetters, String ordersChart,
        List<Chart> revenueCharts) {

    /** One status and how many orders of the range have it. */
    public record Count(String status, long count) {
    }

    /** One day in the table under the charts. */
    public record DayRow(String day, long orders, String revenue) {
    }

    /** The revenue chart of one currency. */
    public record Chart(String currency, String svg) {
    }

    static GlanceView of(Glance glance, LocalTimes times) {
        List<Count> byStatus = glance.byStatus().entrySet().stream()
                .map(e -> new Count(e.getKey().name(), e.getValue())).toList();
        List<String> revenue = glance.revenue().entrySet().stream()
                .map(e -> Amounts.money(e.getValue(), e.getKey())).toList();
        List<DayRow> days = glance.days().stream().map(d -> new DayRow(times.day(d.day()), d.orders(),
                revenueText(d.revenue()))).toList();
        String ordersChart = BarChart.svg("orders-chart", "Orders per day", glance.days().stream()
                .map(d -> new BarChart.Bar(times.shortDay(d.day()), BigDecimal.valueOf(d.orders()),
                        d.orders() + (d.orders() == 1 ? " order" : " orders")))
                .toList());
        List<Chart> revenueCharts = glance.currencies().stream().map(currency -> new Chart(currency,
                BarChart.svg("revenue-chart-" + currency, "Revenue per day in " + currency, glance.days().stream()
                        .map(d -> {
                            BigDecimal amount = d.revenue().getOrDefault(currency, BigDecimal.ZERO);
                            return new BarChart.Bar(times.shortDay(d.day()), amount, Amounts.money(amount, currency));
                        }).toList())))
                .toList();
        String first = times.day(glance.range().first());
        String last = times.day(glance.range().last());
        return new GlanceView(glance.range().name(), glance.range().first().toString(),
                glance.range().last().toString(), first.equals(last) ? first : first + " – " + last,
                glance.orders(), byStatus, revenue, days, glance.newest(), glance.openDeadLetters(), ordersChart,
                revenueCharts);
    }

    private static String revenueText(Map<String, BigDecimal> revenue) {
        return revenue.isEmpty() ? "–" : revenue.entrySet().stream().map(e -> Amounts.money(e.getValue(), e.getKey()))
                .collect(Collectors.joining(", "));
    }

    public boolean is(String name) {
        return name.equals(range);
    }
}
