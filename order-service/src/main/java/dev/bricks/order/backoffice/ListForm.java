package dev.bricks.order.backoffice;

import dev.bricks.order.order.OrderFilterParams;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The filter form of the order list as typed, so that it can be shown again and carried to other pages. */
public record ListForm(String status, String email, String customerId, String sku, String from, String to) {

    static ListForm of(OrderFilterParams filters) {
        return new ListForm(filters.status(), filters.email(), filters.customerId(), filters.sku(), filters.from(),
                filters.to());
    }

    /** The list URL with these filters at page {@code page}. */
    public String link(int page) {
        return "/backoffice?" + query(page);
    }

    /** The CSV export URL with these filters. */
    public String exportLink() {
        String query = query(-1);
        return "/backoffice/export.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    private String query(int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", status);
        params.put("email", email);
        params.put("customerId", customerId);
        params.put("sku", sku);
        params.put("from", from);
        params.put("to", to);
        if (page >= 0) {
            params.put("page", Integer.toString(page));
        }
        return params.entrySet().stream()
                .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public boolean is(String value) {
        return value.equalsIgnoreCase(status == null ? "" : status);
    }
}
