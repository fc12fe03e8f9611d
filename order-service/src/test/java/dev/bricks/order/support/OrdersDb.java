package dev.bricks.order.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.testing.Launcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Plain JDBC on the orders database of ./bricks, to count what the drain stored. */
public final class OrdersDb {

    private OrdersDb() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(
                Launcher.env("BRICKS_ORDERS_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:15432,127.0.0.1:15433,127.0.0.1:15434/orders"
                                + "?targetServerType=primary"),
                Launcher.env("BRICKS_ORDERS_DB_USER", "orders"), Launcher.env("BRICKS_ORDERS_DB_PASSWORD", "orders"));
    }

    /** How many rows of {@code table} belong to these order ids. */
    public static long count(String table, Collection<UUID> orderIds) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement(
                        "select count(*) from " + table + " where order_id = any (?)")) {
            s.setArray(1, c.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Rows of {@code table} per order id, every one of {@code orderIds} included (0 when it has none):
     * a total over many orders would hide one stored twice behind another one missing.
     */
    public static Map<UUID, Long> countPerOrder(String table, Collection<UUID> orderIds) {
        Map<UUID, Long> counts = new TreeMap<>();
        orderIds.forEach(id -> counts.put(id, 0L));
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("select order_id, count(*) from " + table
                        + " where order_id = any (?) group by order_id")) {
            s.setArray(1, c.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getObject(1, UUID.class), r.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    /**
     * Asserts that every one of these orders is stored exactly once: one order row, {@code lines}
     * lines and {@code historyRows} status-history rows each.
     */
    public static void assertEachStoredOnce(Collection<UUID> orderIds, long lines, long historyRows) {
        assertEquals(expect(orderIds, 1), countPerOrder("orders", orderIds), "order rows per order id");
        assertEquals(expect(orderIds, lines), countPerOrder("order_lines", orderIds), "order lines per order id");
        assertEquals(expect(orderIds, historyRows), countPerOrder("order_status_history", orderIds),
                "status-history rows per order id");
    }

    private static Map<UUID, Long> expect(Collection<UUID> orderIds, long each) {
        Map<UUID, Long> expected = new TreeMap<>();
        orderIds.forEach(id -> expected.put(id, each));
        return expected;
    }

    /** Runs one statement (e.g. a constraint that makes the database refuse some orders, and its removal). */
    public static void execute(String sql) {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The longest time between two consecutive {@code received_at} of these orders, in milliseconds. */
    public static long longestPauseMillis(Collection<UUID> orderIds) {
        try (Connection c = connect();
                PreparedStatement s = c.prepareStatement("select coalesce(max(extract(epoch from gap) * 1000), 0)"
                        + " from (select received_at - lag(received_at) over (order by received_at) as gap"
                        + " from orders where order_id = any (?)) gaps")) {
            s.setArray(1, c.createArrayOf("uuid", orderIds.toArray()));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return Math.round(r.getDouble(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long orders(Collection<UUID> orderIds) {
        return count("orders", orderIds);
    }
}
