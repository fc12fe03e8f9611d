package dev.bricks.order.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalTimesTest {

    @Test
    void anInstantReadsAsDayMonthYearAndMinuteInTheStaffMembersZone() {
        Instant instant = Instant.parse("2026-11-29T12:27:59.123456Z");
        assertEquals("29 Nov 2026, 13:27", new LocalTimes(ZoneId.of("Europe/Berlin")).format(instant));
        assertEquals("29 Nov 2026, 12:27", new LocalTimes(ZoneId.of("UTC")).format(instant));
        assertEquals("30 Nov 2026, 01:27", new LocalTimes(ZoneId.of("Pacific/Auckland")).format(instant));
        assertEquals("", new LocalTimes(ZoneId.of("UTC")).format(null));
    }
}
