package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

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
