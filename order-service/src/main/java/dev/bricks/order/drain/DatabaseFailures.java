package dev.bricks.order.drain;

import java.sql.SQLException;

/**
 * Tells a database that does not answer (retry the same record later) from a database that
 * refuses this record's data (which retrying cannot fix).
 */
final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /**
     * True only for SQLSTATE classes 22 (data exception: value too long, out of range ...) and
     * 23 (integrity constraint violation): the record itself is at fault. Everything else,
     * including connection failures (08), shutdown (57P), read-only standby after a failover
     * (25006) and failures without a SQLSTATE (pool timeouts), means "try again".
     */
    static boolean isCausedByTheRecord(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23");
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
