package dev.bricks.contracts.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.transaction.RollbackException;
import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/**
 * The failures customer-service and order-service meet during a Patroni failover and with bad
 * data. The driver's and the ORM's exceptions are SQLExceptions with a SQLSTATE and wrappers
 * around them; here they are plain {@link SQLException}s and {@link RuntimeException}s.
 */
class DatabaseFailuresTest {

    // ---- customer-service: retry a read, answer 503 to a write, 400 to a value ----

    @Test
    void noPrimaryReachableIsAConnectionFailure() {
        SQLException noPrimary = new SQLException("Could not find a server with specified targetServerType: primary",
                "08001");
        assertTrue(DatabaseFailures.isConnectionFailure(new RuntimeException("wrapped", noPrimary)));
    }

    @Test
    void aDroppedSocketOrAShutdownIsAConnectionFailure() {
        assertTrue(DatabaseFailures.isConnectionFailure(new SQLException("I/O error", "08006", new EOFException())));
        assertTrue(DatabaseFailures.isConnectionFailure(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFailures.isConnectionFailure(new RuntimeException("lost", new SQLException("x", "08006"))));
        assertTrue(DatabaseFailures.isConnectionFailure(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void aValueTheDatabaseRefusesIsADataExceptionNotAnOutage() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(DatabaseFailures.isDataException(new RuntimeException("wrapped", nul)));
        assertFalse(DatabaseFailures.isConnectionFailure(nul));
        assertFalse(DatabaseFailures.isDataException(new SQLException("terminating connection", "57P01")));
    }

    @Test
    void aDemotedPrimaryIsAConnectionFailure() {
        assertTrue(DatabaseFailures.isConnectionFailure(
                new SQLException("cannot execute INSERT in a read-only transaction", "25006")));
    }

    @Test
    void anExhaustedPoolIsAConnectionFailure() {
        assertTrue(DatabaseFailures.isConnectionFailure(new SQLException("Sorry, acquisition timeout!")));
    }

    @Test
    void constraintAndSyntaxErrorsAreNot() {
        SQLException duplicate = new SQLException("duplicate key", "23505");
        assertFalse(DatabaseFailures.isConnectionFailure(new RuntimeException("dup", duplicate)));
        assertFalse(DatabaseFailures.isConnectionFailure(new SQLException("syntax", "42601")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void aFailedCommitMakesAWriteUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new RollbackException("commit failed"))));
        assertFalse(DatabaseFailures.isConnectionFailure(new RuntimeException(new RollbackException("commit failed"))));
    }

    @Test
    void aCommitLostWithItsConnectionIsAConnectionFailure() {
        // Narayana: the driver's error of a failed commit is suppressed in the RollbackException, not its cause
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(new XAException("Error trying to transactionCommit local transaction").initCause(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseFailures.isConnectionFailure(new RuntimeException("wrapped", commitFailed)));
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException("wrapped", commitFailed)));
        assertFalse(DatabaseFailures.isRefusedData(new RuntimeException("wrapped", commitFailed)));
    }

    @Test
    void theNextExceptionOfABatchCounts() {
        SQLException batch = new SQLException("batch entry 0 was aborted");
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertTrue(DatabaseFailures.isConnectionFailure(batch));
    }

    // ---- order-service: dead-letter a record the database refuses, retry everything else ----

    @Test
    void dataAndIntegrityErrorsAreTheRecordsFault() {
        assertTrue(DatabaseFailures.isRefusedData(new RuntimeException(new SQLException("too long", "22001"))));
        assertTrue(DatabaseFailures.isRefusedData(new SQLException("check", "23514")));
    }

    @Test
    void anUnreachableOrReadOnlyDatabaseIsRetried() {
        assertFalse(DatabaseFailures.isRefusedData(new RuntimeException(new SQLException("refused", "08001"))));
        assertFalse(DatabaseFailures.isRefusedData(new SQLException("read-only transaction", "25006")));
        assertFalse(DatabaseFailures.isRefusedData(new SQLException("terminating connection", "57P01")));
        assertFalse(DatabaseFailures.isRefusedData(new RuntimeException("acquisition timeout")));
    }
}
