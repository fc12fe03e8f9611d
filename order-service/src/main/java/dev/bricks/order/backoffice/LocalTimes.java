package dev.bricks.order.backoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Times as a person reads them, in the staff member's time zone: {@code 29 Nov 2026, 13:27}. */
public record LocalTimes(ZoneId zone) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    public String format(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** The exact instant, for {@code <time datetime>} and tooltips. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    public String day(LocalDate day) {
        return DAY.format(day);
    }

    public String shortDay(LocalDate day) {
        return SHORT_DAY.format(day);
    }

    public String zoneId() {
        return zone.getId();
    }
}
