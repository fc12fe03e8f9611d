package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void dataAndIntegrityErrorsAreTheRecordsFault() {
        assertTrue(DatabaseFailures.isCausedByTheRecord(new RuntimeException(new SQLException("too long", "22001"))));
        assertTrue(DatabaseFailures.isCausedByTheRecord(new SQLException("check", "23514")));
    }

    @Test
    void anUnreachableOrReadOnlyDatabaseIsRetried() {
        assertFalse(DatabaseFailures.isCausedByTheRecord(new RuntimeException(new SQLException("refused", "08001"))));
        assertFalse(DatabaseFailures.isCausedByTheRecord(new SQLException("read-only transaction", "25006")));
        assertFalse(DatabaseFailures.isCausedByTheRecord(new SQLException("terminating connection", "57P01")));
        assertFalse(DatabaseFailures.isCausedByTheRecord(new RuntimeException("acquisition timeout")));
    }

    @Test
    void backOffDoublesUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3));
        assertEquals(Duration.ofMillis(500), backoff.after(1));
        assertEquals(Duration.ofMillis(1000), backoff.after(2));
        assertEquals(Duration.ofMillis(2000), backoff.after(3));
        assertEquals(Duration.ofSeconds(3), backoff.after(4));
        assertEquals(Duration.ofSeconds(3), backoff.after(60));
    }
}
