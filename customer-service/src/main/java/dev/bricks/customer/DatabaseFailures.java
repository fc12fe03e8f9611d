package dev.bricks.customer;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that is (for a moment) not reachable as a primary from every other error,
 * by walking the cause chain. During a Patroni failover the driver sees refused connections,
 * "no server with targetServerType primary" (08001), dropped sockets (08006), shutdowns (57P0x)
 * and, for a moment, a read-only node (25006).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** True for a failure to reach or keep a connection to the primary: worth retrying a read. */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable c : chain(error)) {
            if (c instanceof JDBCConnectionException || c instanceof SQLTransientConnectionException
                    || c instanceof SQLNonTransientConnectionException || c instanceof SQLRecoverableException
                    || c instanceof ConnectException || c instanceof SocketException || c instanceof EOFException) {
                return true;
            }
            if (c instanceof SQLException sql && isConnectionState(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when a write's outcome is a connection failure or a failed commit: the write did not
     * happen, or (commit lost on the wire) it is unknown, so the client should retry later.
     */
    public static boolean isUnavailable(Throwable error) {
        if (isConnectionFailure(error)) {
            return true;
        }
        for (Throwable c : chain(error)) {
            if (c instanceof jakarta.transaction.RollbackException || c instanceof jakarta.transaction.HeuristicMixedException
                    || c instanceof jakarta.transaction.HeuristicRollbackException || c instanceof XAException) {
                return true;
            }
        }
        return false;
    }

    /** True when the database refused a value of the request (SQLSTATE class 22, data exception). */
    public static boolean isDataException(Throwable error) {
        for (Throwable c : chain(error)) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    static boolean isConnectionState(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal: no connection could be had within the acquisition timeout.
            return sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
        }
        return state.startsWith("08") // connection exception
                || state.startsWith("57P") // admin/crash shutdown, cannot connect now
                || state.equals("25006") // read-only transaction: a demoted primary
                || state.equals("53300"); // too many connections
    }

    private static Iterable<Throwable> chain(Throwable error) {
        java.util.List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable c = error; c != null && causes.size() < 20 && !causes.contains(c); c = c.getCause()) {
            causes.add(c);
            if (c instanceof SQLException sql && sql.getNextException() != null) {
                causes.add(sql.getNextException());
            }
        }
        return causes;
    }

    /** For {@code @RetryWhen}: retry only what {@link #isConnectionFailure} accepts. */
    public static final class ConnectionFailure implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable error) {
            return isConnectionFailure(error);
        }
    }
}
