package dev.bricks.drills;

import java.util.List;
import java.util.Map;

/**
 * What one kind of call did during a load: its successes (instants in ms since the load started),
 * its allowed failures by reason and instant, and its wrong answers.
 */
public record KindStats(Kind kind, long[] successes, Map<Failure, Integer> failedBy, List<FailureAt> failures,
        int wrong, List<String> wrongExamples) {

    /** An allowed failure and when it happened (ms since the load started). */
    public record FailureAt(long at, Failure failure) {
    }

    public int ok() {
        return successes.length;
    }

    public int failed() {
        return failedBy.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int failed(Failure failure) {
        return failedBy.getOrDefault(failure, 0);
    }

    public int tried() {
        return ok() + failed() + wrong;
    }

    /** The longest stretch without a success of this kind inside {@code [start, end]}. */
    public Gaps.Gap longestGap(long start, long end) {
        return Gaps.longest(successes, start, end);
    }

    public int okBetween(long from, long to) {
        return Gaps.countBetween(successes, from, to);
    }
}
