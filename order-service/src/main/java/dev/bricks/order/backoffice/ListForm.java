package dev.bricks.order.backoffice;

import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.order.OrderFilterParams;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.store.OrderFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The filter form of the order list as typed, so that it can be shown again and carried to other pages,
 * with the one search box {@code q}: an e-mail address (the customer's orders) or an id (that order, or
 * the orders of the customer with that id).
 */
public record ListForm(String q, String status, String email, String customerId, String sku, String from,
        String to) {

    static ListForm of(OrderFilterParams filters, String q) {
        return new ListForm(blankToNull(q), filters.status(), filters.email(), filters.customerId(), filters.sku(),
                filters.from(), filters.to());
    }

    /** The filter, the search box included; @throws ProblemException a 400 naming the bad field */
    OrderFilter filter() {
        Map<String, String> resolved = resolved();
        return OrderQuery.filter(status, resolved.get("customerId"), resolved.get("email"), sku, from, to);
    }

    /** The id typed in the search box, if it is one (it may name an order). */
    Optional<UUID> searchedId() {
        return q != null && q.length() == 36 && !q.contains("@") ? Optional.ofNullable(OrderQuery.uuid("q", q))
                : Optional.empty();
    }

    private Map<String, String> resolved() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("customerId", customerId);
        params.put("email", email);
        if (q != null) {
            if (q.contains("@")) {
                params.put("email", q);
            } else if (q.length() == 36) {
                params.put("customerId", OrderQuery.uuid("q", q).toString());
            } else {
                throw ProblemException.badField("q", "enter an order id, a customer id or an e-mail address");
            }
        }
        return params;
    }

    /** The list URL with these filters at page {@code page}. */
    public String link(int page) {
        return "/backoffice/orders?" + query(page, false);
    }

    /** The CSV export URL with these filters (the search box as the filter it stands for). */
    public String exportLink() {
        String query = query(-1, true);
        return "/backoffice/export.csv" + (query.isEmpty() ? "" : "?" + query);
    }

    private String query(int page, boolean export) {
        Map<String, String> params = new LinkedHashMap<>();
        if (!export) {
            params.put("q", q);
        }
        params.put("status", status);
        params.put("email", email);
        params.put("customerId", customerId);
        if (export && q != null) {
            try {
                params.putAll(resolved());
            } catch (ProblemException e) {
                // a bad search box has no export: the list shows the error
            }
        }
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
