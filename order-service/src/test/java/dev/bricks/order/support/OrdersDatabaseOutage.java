package dev.bricks.order.support;

import dev.bricks.testing.Launcher;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Takes the whole Patroni cluster of ./bricks down (so no node can be promoted: the orders
 * database is simply unreachable) and brings it back with {@code ./bricks infra up}.
 * The standbys are stopped first, the primary last, as {@code ./bricks infra down} does:
 * stopping the primary while a standby runs would be a failover, not an outage.
 */
public final class OrdersDatabaseOutage implements AutoCloseable {

    private static final List<String> NODES = List.of("pg1", "pg2", "pg3");

    private OrdersDatabaseOutage() {
    }

    /** Stops every node; the database is unreachable when this returns. Close it to end the outage. */
    public static OrdersDatabaseOutage begin() {
        String primary = primary();
        OrdersDatabaseOutage outage = new OrdersDatabaseOutage();
        try {
            CompletableFuture.allOf(NODES.stream().filter(n -> !n.equals(primary))
                    .map(n -> CompletableFuture.runAsync(() -> Launcher.run("infra", "stop", n)))
                    .toArray(CompletableFuture[]::new)).join();
            Launcher.run("infra", "stop", primary);
        } catch (RuntimeException e) {
            outage.close();
            throw e;
        }
        return outage;
    }

    /** The node that is primary now, from {@code ./bricks infra status} (e.g. {@code pg1  15432  123  up  primary}). */
    private static String primary() {
        String status = Launcher.run("infra", "status");
        return status.lines().map(l -> l.trim().split("\\s+"))
                .filter(f -> f.length >= 5 && NODES.contains(f[0]) && f[4].equals("primary"))
                .map(f -> f[0]).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL primary is running:\n" + status));
    }

    /** Idempotent: starts whatever is missing and waits for a primary and both standbys. */
    @Override
    public void close() {
        Launcher.run("infra", "up");
    }
}
