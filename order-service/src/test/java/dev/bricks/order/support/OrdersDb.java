package dev.bricks.order.support;

import dev.bricks.testing.Launcher;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
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

    /** Runs one statement (e.g. a constraint that makes the database refuse some orders, and its removal). */
    public static void execute(String sql) {
        try (Connection c = connect(); var s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long orders(Collection<UUID> orderIds) {
        return count("orders", orderIds);
    }
}
