package dev.bricks.customer.signin;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), Duration.ofSeconds(1),
            Duration.ofSeconds(30), 100, clock);

    @Test
    void freeFailuresDoNotBlock() {
        fail(3);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@b.test"));
    }

    @Test
    void eachFailureBeyondTheFreeOnesBlocksTheEmailForLonger() {
        fail(4);
        ProblemException blocked = assertThrows(ProblemException.class, () -> throttle.checkAllowed("a@b.test"));
        assertEquals(429, blocked.status());
        assertEquals("1", blocked.headers().get("Retry-After"));

        clock.advance(Duration.ofSeconds(1));
        throttle.checkAllowed("a@b.test");
        throttle.recordFailure("a@b.test"); // 5th: 2 s
        clock.advance(Duration.ofMillis(1500));
        assertThrows(ProblemException.class, () -> throttle.checkAllowed("a@b.test"));
        clock.advance(Duration.ofMillis(500));
        assertDoesNotThrow(() -> throttle.checkAllowed("a@b.test"));
    }

    @Test
    void theBlockIsCapped() {
        assertEquals(Duration.ofSeconds(1), throttle.blockFor(1));
        assertEquals(Duration.ofSeconds(16), throttle.blockFor(5));
        assertEquals(Duration.ofSeconds(30), throttle.blockFor(6));
        assertEquals(Duration.ofSeconds(30), throttle.blockFor(500));
    }

    @Test
    void theEmailIsMatchedRegardlessOfCaseAndOtherEmailsAreNotAffected() {
        fail(4);
        assertThrows(ProblemException.class, () -> throttle.checkAllowed("  A@B.TEST "));
        assertDoesNotThrow(() -> throttle.checkAllowed("other@b.test"));
    }

    @Test
    void aSuccessForgetsTheFailures() {
        fail(3);
        throttle.recordSuccess("a@b.test");
        fail(3);
        assertDoesNotThrow(() -> throttle.checkAllowed("a@b.test"));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail(3);
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("a@b.test");
        assertDoesNotThrow(() -> throttle.checkAllowed("a@b.test"));
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure("a@b.test");
        }
    }
}
