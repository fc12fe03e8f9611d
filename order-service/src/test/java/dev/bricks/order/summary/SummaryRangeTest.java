package dev.bricks.order.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.problem.ProblemException;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SummaryRangeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Already 30 Nov in Berlin. */
    private static final Instant NOW = Instant.parse("2026-11-29T23:30:00Z");

    @Test
    void todayIsTheStaffMembersDayFromMidnightToMidnight() {
        SummaryRange today = SummaryRange.of(null, null, null, BERLIN, NOW);
        assertEquals("today", today.name());
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), today.from());
        assertEquals(Instant.parse("2026-11-30T23:00:00Z"), today.to());
    }

    @Test
    void sevenAndThirtyDaysEndToday() {
        assertEquals(7, SummaryRange.of("7d", null, null, BERLIN, NOW).days());
        SummaryRange month = SummaryRange.of("30D", null, null, BERLIN, NOW);
        assertEquals(30, month.days());
        assertEquals("2026-11-30", month.last().toString());
    }

    @Test
    void aCustomRangeIncludesBothDates() {
        SummaryRange custom = SummaryRange.of("custom", "2026-03-28", "2026-03-29", BERLIN, NOW);
        assertEquals(2, custom.days());
        assertEquals(Instant.parse("2026-03-27T23:00:00Z"), custom.from());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), custom.to());
    }

    @Test
    void badRangesAre400sNamingTheField() {
        assertField("range", () -> SummaryRange.of("year", null, null, BERLIN, NOW));
        assertField("from", () -> SummaryRange.of("custom", "yesterday", null, BERLIN, NOW));
        assertField("to", () -> SummaryRange.of("custom", "2026-03-02", "2026-03-01", BERLIN, NOW));
        assertField("to", () -> SummaryRange.of("custom", "2025-01-01", "2026-03-01", BERLIN, NOW));
        assertField("to", () -> SummaryRange.of("custom", "2026-01-01", "+99999-01-01", BERLIN, NOW));
    }

    private static void assertField(String field, Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith(field + ":"), e.getMessage());
    }
}
