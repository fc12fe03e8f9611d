package dev.bricks.drills;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counters of one kind of call, filled concurrently by the load's workers. */
public final class CallStats {

    /** Wrong answers kept as examples for the report, per kind. */
    static final int WRONG_EXAMPLES = 10;
    /** Failure instants kept per kind (a drill has far fewer). */
    static final int FAILURE_TIMES = 100_000;

    private final Kind kind;
    private long[] successes = new long[1024];
    private int ok;
    private final EnumMap<Failure, Integer> failed = new EnumMap<>(Failure.class);
    private final List<KindStats.FailureAt> failures = new ArrayList<>();
    private int wrong;
    private final List<String> wrongExamples = new ArrayList<>();

    public CallStats(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Records a call that finished at {@code at} (ms since the load started). */
    public synchronized void record(long at, Verdict verdict) {
        switch (verdict.type()) {
            case OK -> {
                if (ok == successes.length) {
                    successes = Arrays.copyOf(successes, ok * 2);
                }
                successes[ok++] = at;
            }
            case FAILED -> {
                failed.merge(verdict.failure(), 1, Integer::sum);
                if (failures.size() < FAILURE_TIMES) {
                    failures.add(new KindStats.FailureAt(at, verdict.failure()));
                }
            }
            case WRONG -> {
                wrong++;
                if (wrongExamples.size() < WRONG_EXAMPLES) {
                    wrongExamples.add(String.format("+%.1f s %s", at / 1000.0, verdict.problem()));
                }
            }
        }
    }

    public synchronized KindStats snapshot() {
        return new KindStats(kind, Arrays.copyOf(successes, ok), Map.copyOf(failed), List.copyOf(failures), wrong,
                List.copyOf(wrongExamples));
    }
}
