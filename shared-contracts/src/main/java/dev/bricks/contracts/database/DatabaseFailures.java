package dev.bricks.contracts.database;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;
import javax.transaction.xa.XAException;

/**
 * Sorts what a database failure means for the bricks on PostgreSQL behind Patroni, by walking the
 * cause chain (ORM and pool wrappers included) down to the driver's {@link SQLException} and its
 * SQLSTATE. Only {@code java.sql} and the JTA API: no driver or ORM type is needed, since each
 * wraps the driver's exception as its cause (Hibernate's connection failure is known by its name).
 * <ul>
 * <li>the database is not reachable as a primary, for a moment: refused connections, "no server
 * with targetServerType primary" (08001), dropped sockets (08006), shutdowns (57P0x), a read-only
 * node after a failover (25006), too many connections (53300), a pool that had no connection in
 * time — {@link #isConnectionFailure};</li>
 * <li>that, or a failed commit — {@link #isUnavailable};</li>
 * <li>the database refused a value (class 22, data exception) — {@link #isDataException}, or a
 * value or a constraint (classes 22 and 23) — {@link #isRefusedData}: retrying cannot help.</li>
 * </ul>
 */
public final class DatabaseFailures {

    /**
     * Hibernate's verdict "connection failure", named rather than imported (the contracts do not
     * depend on Hibernate): it also wraps a few driver exceptions that carry no connection SQLSTATE.
     */
    private static final String HIBERNATE_CONNECTION_EXCEPTION = "org.hibernate.exception.JDBCConnectionException";

    private DatabaseFailures() {
    }

    /** True for a failure to reach or keep a connection to the primary: worth retrying a read. */
    public static boolean isConnectionFailure(Throwable error) {
        for (Throwable c : chain(error)) {
            if (isA(c, HIBERNATE_CONNECTION_EXCEPTION) || c instanceof SQLTransientConnectionException
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
            if (c instanceof jakarta.transaction.RollbackException
                    || c instanceof jakarta.transaction.HeuristicMixedException
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

    /**
     * True only when the failure's SQLSTATE (the first one in the cause chain) is of class 22 (data
     * exception: value too long, out of range ...) or 23 (integrity constraint violation): the data
     * itself is at fault and retrying cannot fix it. Everything else, including connection failures
     * (08), shutdown (57P), a read-only standby after a failover (25006) and failures without a
     * SQLSTATE (pool timeouts), means "try again".
     */
    public static boolean isRefusedData(Throwable error) {
        for (Throwable c : chain(error)) {
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                return state.startsWith("22") || state.startsWith("23");
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

    private static boolean isA(Throwable error, String className) {
        for (Class<?> type = error.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure and its causes, each SQLException followed by its next exception, then the same for
     * the exceptions suppressed on the way (a commit that fails on a dropped connection is a
     * RollbackException whose cause is empty: the driver's error is suppressed in it); at most 20, no
     * cycles.
     */
    private static List<Throwable> chain(Throwable error) {
        List<Throwable> causes = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(error);
        while (!pending.isEmpty() && causes.size() < 20) {
            for (Throwable c = pending.poll(); c != null && causes.size() < 20 && !causes.contains(c);
                    c = c.getCause()) {
                causes.add(c);
                if (c instanceof SQLException sql && sql.getNextException() != null) {
                    causes.add(sql.getNextException());
                }
                pending.addAll(List.of(c.getSuppressed()));
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
