package dev.bricks.drills;

import java.util.Arrays;

/** The longest pause between two successes of one kind of call. */
public final class Gaps {

    private Gaps() {
    }

    /**
     * A stretch of time without a success, in milliseconds since the load started.
     *
     * @param from the last success before it (or the start of the window)
     * @param to   the next success (or the end of the window)
     */
    public record Gap(long from, long to) {
        public long millis() {
            return to - from;
        }
    }

    /**
     * The longest stretch inside {@code [start, end]} without a success. The edges count: a kind
     * that stops succeeding for good has a gap up to {@code end}, one that never starts has the
     * whole window. Successes outside the window are ignored; their order does not matter.
     */
    public static Gap longest(long[] successes, long start, long end) {
        if (end < start) {
            throw new IllegalArgumentException("window ends (" + end + ") before it starts (" + start + ")");
        }
        long[] sorted = successes.clone();
        Arrays.sort(sorted);
        long previous = start;
        Gap longest = new Gap(start, start);
        for (long at : sorted) {
            if (at < start || at > end) {
                continue;
            }
            if (at - previous > longest.millis()) {
                longest = new Gap(previous, at);
            }
            previous = at;
        }
        if (end - previous > longest.millis()) {
            longest = new Gap(previous, end);
        }
        return longest;
    }

    /** How many successes fall inside {@code [from, to]}. */
    public static int countBetween(long[] successes, long from, long to) {
        int count = 0;
        for (long at : successes) {
            if (at >= from && at <= to) {
                count++;
            }
        }
        return count;
    }
}
