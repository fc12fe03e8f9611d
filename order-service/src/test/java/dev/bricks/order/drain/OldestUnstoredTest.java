package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OldestUnstoredTest {

    private static final Instant NOW = Instant.parse("2030-01-01T06:00:00Z");

    private final OldestUnstored oldest = new OldestUnstored(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theRecordBeingDrainedIsAsOldAsItsKafkaTimestamp() {
        assertEquals(0, oldest.ageSeconds());
        oldest.draining(NOW.minusMillis(90_500));
        assertEquals(90.5, oldest.ageSeconds());
        oldest.done();
        assertEquals(0, oldest.ageSeconds());
    }

    @Test
    void aRecordWithoutTimestampCountsFromWhenTheDrainGotIt() {
        oldest.draining(null);
        assertEquals(0, oldest.ageSeconds());
        oldest.draining(Instant.ofEpochMilli(-1));
        assertEquals(0, oldest.ageSeconds());
    }
}
