package dev.bricks.order.order;

import dev.bricks.order.store.OrderFilter;
import jakarta.ws.rs.QueryParam;

/**
 * The six filters of an order list as query parameters, as typed: declared once for the API's list
 * and CSV export and the back-office page's. {@link #filter()} checks them ({@link OrderQuery}:
 * every bad value is a 400 naming its parameter).
 */
public class OrderFilterParams {

    @QueryParam("status")
    String status;

    @QueryParam("customerId")
    String customerId;

    @QueryParam("email")
    String email;

    @QueryParam("sku")
    String sku;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    public OrderFilter filter() {
        return OrderQuery.filter(status, customerId, email, sku, from, to);
    }

    public String status() {
        return status;
    }

    public String customerId() {
        return customerId;
    }

    public String email() {
        return email;
    }

    public String sku() {
        return sku;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }
}
