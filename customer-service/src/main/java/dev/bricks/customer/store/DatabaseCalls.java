package dev.bricks.customer.store;

import dev.bricks.contracts.database.DatabaseFailures;
import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * How a call on the customer database fails, as the caller sees it: a database that cannot be
 * reached (a failover) is a 503 with Retry-After, a value it refuses (SQLSTATE class 22) a 400, a
 * concurrent change of the same row a 409. Each write is one short transaction of its own: it
 * either commits or leaves nothing behind. Logs carry no row values.
 */
public final class DatabaseCalls {

    public static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(DatabaseCalls.class);

    private DatabaseCalls() {
    }

    /** Runs a read (already retried on connection failures, {@link CustomerReads}); still failing → 503. */
    public static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isConnectionFailure(e)) {
                LOG.warnf("read failed, the database is unreachable: %s", rootCause(e));
                throw unavailable();
            }
            if (DatabaseFailures.isDataException(e)) {
                throw valueNotStorable();
            }
            throw e;
        }
    }

    /** Runs a write in a transaction of its own and translates how it failed. */
    public static <T> T write(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConcurrentUpdate(e)) {
                throw ProblemException.conflict("the profile was changed concurrently; read it again and retry");
            }
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warnf("write not done, the database is unreachable: %s", rootCause(e));
                throw unavailable();
            }
            if (DatabaseFailures.isDataException(e)) {
                throw valueNotStorable();
            }
            throw e;
        }
    }

    static ProblemException unavailable() {
        return ProblemException.unavailable("the customer database is switching to a new primary; retry shortly",
                RETRY_AFTER_SECONDS);
    }

    /** The database refused a value (SQLSTATE class 22); input checks should have caught it first. */
    static ProblemException valueNotStorable() {
        return ProblemException.badRequest("the request holds a value that cannot be stored");
    }

    private static boolean isConcurrentUpdate(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
