package dev.bricks.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class DatabaseFailuresTest {

    @Test
    void noPrimaryReachableIsAConnectionFailure() {
        PSQLException noPrimary = new PSQLException("Could not find a server with specified targetServerType: primary",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT);
        assertTrue(DatabaseFailures.isConnectionFailure(new PersistenceException("wrapped", noPrimary)));
    }

    @Test
    void aDroppedSocketOrAShutdownIsAConnectionFailure() {
        assertTrue(DatabaseFailures.isConnectionFailure(new PSQLException("I/O error", PSQLState.CONNECTION_FAILURE,
                new java.io.EOFException())));
        assertTrue(DatabaseFailures.isConnectionFailure(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseFailures.isConnectionFailure(new JDBCConnectionException("lost", new SQLException("x", "08006"))));
        assertTrue(DatabaseFailures.isConnectionFailure(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void aValueTheDatabaseRefusesIsADataExceptionNotAnOutage() {
        SQLException nul = new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        assertTrue(DatabaseFailures.isDataException(new PersistenceException("wrapped", nul)));
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
        assertFalse(DatabaseFailures.isConnectionFailure(new ConstraintViolationException("dup", duplicate, "k")));
        assertFalse(DatabaseFailures.isConnectionFailure(new SQLException("syntax", "42601")));
        assertFalse(DatabaseFailures.isUnavailable(new IllegalStateException("bug")));
    }

    @Test
    void aFailedCommitMakesAWriteUnavailable() {
        assertTrue(DatabaseFailures.isUnavailable(new RuntimeException(new jakarta.transaction.RollbackException("commit failed"))));
        assertFalse(DatabaseFailures.isConnectionFailure(new RuntimeException(new jakarta.transaction.RollbackException("commit failed"))));
    }
}
