package dev.bricks.order.order;

import dev.bricks.contracts.order.OrderView;
import java.util.stream.Collectors;

/** One CSV row per order (RFC 4180: comma-separated, CRLF, quotes doubled inside quoted fields). */
final class OrderCsv {

    static final String HEADER = "orderId,placedAt,status,customerId,email,total,currency,items,skus,"
            + "statusChangedAt,statusChangedBy\r\n";

    private OrderCsv() {
    }

    static String row(OrderView order) {
        OrderView.StatusChange last = order.history().isEmpty() ? null
                : order.history().get(order.history().size() - 1);
        return String.join(",",
                field(order.orderId()),
                field(order.placedAt().toString()),
                field(order.status().name()),
                field(order.customerId()),
                field(order.email()),
                field(order.total().toPlainString()),
                field(order.currency()),
                field(Integer.toString(order.lines().stream().mapToInt(OrderView.Line::quantity).sum())),
                field(order.lines().stream().map(OrderView.Line::sku).collect(Collectors.joining(" "))),
                field(last == null ? "" : last.at().toString()),
                field(last == null ? "" : last.by())) + "\r\n";
    }

    /** Quotes when needed; a leading = + - @ is prefixed with ' so that spreadsheets do not run it as a formula. */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
