package dev.bricks.order.order;

import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.store.OrderFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Parses the query parameters of the order lists; every bad value is a 400 naming its parameter.
 * {@code from}/{@code to} take an instant ("2025-03-01T10:00:00Z") or a date (UTC midnight);
 * {@code from} is inclusive, {@code to} exclusive.
 */
public final class OrderQuery {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** The last page whose offset ({@code page * size}) fits an int at any size; beyond it lies nothing. */
    public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE;
    /** PostgreSQL's timestamp range is wider, but a shop has no business outside years 1..9999 (UTC). */
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private OrderQuery() {
    }

    public static OrderFilter filter(String status, String customerId, String email, String sku, String from,
            String to) {
        OrderFilter filter = new OrderFilter(status(status), uuid("customerId", customerId), text(email), text(sku),
                instant("from", from), instant("to", to));
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badField("to", "must be after from");
        }
        return filter;
    }

    public static OrderStatus status(String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            return OrderStatus.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "must be one of " + Arrays.toString(OrderStatus.values()));
        }
    }

    public static int page(String value) {
        return integer("page", value, 0, 0, MAX_PAGE);
    }

    public static int size(String value) {
        return integer("size", value, DEFAULT_SIZE, 1, MAX_SIZE);
    }

    static int integer(String name, String value, int fallback, int min, int max) {
        if (text(value) == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as a number out of range
        }
        throw ProblemException.badField(name, "must be a whole number from " + min + " to " + max);
    }

    public static UUID uuid(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value.trim());
            if (value.trim().length() == 36) {
                return id;
            }
        } catch (IllegalArgumentException e) {
            // falls through
        }
        throw ProblemException.badField(name, "must be a UUID");
    }

    public static Instant instant(String name, String value) {
        if (text(value) == null) {
            return null;
        }
        String v = value.trim();
        Instant instant;
        try {
            instant = v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.badField(name,
                    "must be an ISO-8601 instant (2025-03-01T10:00:00Z) or date (2025-03-01)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.badField(name, "must be in the years 0001 to 9999 (UTC)");
        }
        return instant;
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
