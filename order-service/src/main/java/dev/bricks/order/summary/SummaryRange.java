package dev.bricks.order.summary;

import dev.bricks.contracts.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The days a summary covers, in the staff member's time zone: {@code today}, the last {@code 7d} or
 * {@code 30d} (today included), or {@code custom} from one date to another (both included, at most
 * {@link #MAX_DAYS}). {@link #from()} is the start of the first day, {@link #to()} the start of the day
 * after the last (exclusive).
 */
public record SummaryRange(String name, LocalDate first, LocalDate last, ZoneId zone) {

    public static final int MAX_DAYS = 366;

    /** @throws ProblemException a 400 naming {@code range}, {@code from} or {@code to} */
    public static SummaryRange of(String range, String from, String to, ZoneId zone, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        String name = range == null || range.isBlank() ? "today" : range.strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "today" -> new SummaryRange(name, today, today, zone);
            case "7d" -> new SummaryRange(name, today.minusDays(6), today, zone);
            case "30d" -> new SummaryRange(name, today.minusDays(29), today, zone);
            case "custom" -> custom(date("from", from, today), date("to", to, today), zone);
            default -> throw ProblemException.badField("range", "must be today, 7d, 30d or custom");
        };
    }

    private static SummaryRange custom(LocalDate first, LocalDate last, ZoneId zone) {
        if (last.isBefore(first)) {
            throw ProblemException.badField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ProblemException.badField("to", "the range may span at most " + MAX_DAYS + " days");
        }
        return new SummaryRange("custom", first, last, zone);
    }

    private static LocalDate date(String name, String value, LocalDate today) {
        if (value == null || value.isBlank()) {
            return today;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() >= 1 && date.getYear() <= 9998) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // the same answer as a date out of range
        }
        throw ProblemException.badField(name, "must be a date like 2026-11-29 (years 0001 to 9998)");
    }

    public Instant from() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant to() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }
}
