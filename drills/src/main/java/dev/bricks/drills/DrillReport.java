package dev.bricks.drills;

import dev.bricks.drills.Verification.Count;
import dev.bricks.drills.Verification.Write;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of a drill: the faults and when they happened, what each kind of call did (tried,
 * ok, failed by reason, wrong, successes while the server was down, longest gap), and what the
 * verifier found about the acknowledged writes. All times are on the load's clock (ms since the
 * load's workers started); the gap window is the whole load, from its start until it stopped.
 *
 * @param errors what went wrong with the drill itself (a kill or a restart that failed)
 */
public record DrillReport(String name, List<FaultEvent> faults, Map<Kind, KindStats> stats, long loadStopped,
        Verification verification, List<String> errors) {

    /** Wrong answers printed per kind (the first ones). */
    static final int WRONG_SHOWN = 3;

    /** Passed: no wrong answer, nothing acknowledged lost or duplicated or unexplained, every fault healed. */
    public boolean passed() {
        return wrong() == 0 && verification.passed() && errors.isEmpty();
    }

    /** Why it did not pass (empty if it passed). */
    public List<String> failures() {
        List<String> reasons = new ArrayList<>();
        if (wrong() > 0) {
            reasons.add(wrong() + " wrong answer(s)");
        }
        addIf(reasons, verification.lost(), "acknowledged write(s) lost");
        addIf(reasons, verification.duplicated(), "write(s) applied twice");
        addIf(reasons, verification.unexpected(), "unexplained state(s)");
        addIf(reasons, verification.unverified(), "acknowledged write(s) not verifiable");
        reasons.addAll(errors);
        return reasons;
    }

    private static void addIf(List<String> reasons, int n, String what) {
        if (n > 0) {
            reasons.add(n + " " + what);
        }
    }

    public KindStats stats(Kind kind) {
        return stats.get(kind);
    }

    public int wrong() {
        return stats.values().stream().mapToInt(KindStats::wrong).sum();
    }

    /**
     * The longest stretch without a success of {@code kind}, from its first success to the end of
     * the load. A cold start before the first success (a replica's first Kafka connection, say) is
     * no gap, unless a fault came before that first success: then it counts from the fault.
     */
    public Gaps.Gap longestGap(Kind kind) {
        KindStats kindStats = stats.get(kind);
        long first = kindStats.successes().length == 0 ? loadStopped
                : java.util.Arrays.stream(kindStats.successes()).min().getAsLong();
        long firstFault = faults.stream().mapToLong(FaultEvent::injected).min().orElse(loadStopped);
        return kindStats.longestGap(Math.min(first, firstFault), loadStopped);
    }

    /** The longest gap of any steady kind that was tried. */
    public Kind kindWithLongestGap() {
        Kind longest = null;
        for (Kind kind : stats.keySet()) {
            if (kind.steady() && stats.get(kind).tried() > 0
                    && (longest == null || longestGap(kind).millis() > longestGap(longest).millis())) {
                longest = kind;
            }
        }
        return longest;
    }

    /** Successes of {@code kind} while a server was down (from each kill until its repair began). */
    public int okWhileDown(Kind kind) {
        int ok = 0;
        for (FaultEvent fault : faults) {
            ok += stats.get(kind).okBetween(fault.injected(), Math.min(fault.downUntil(), loadStopped));
        }
        return ok;
    }

    /** Successes of {@code kind} after the first fault. */
    public int okAfterFault(Kind kind) {
        long first = faults.isEmpty() ? 0 : faults.get(0).injected();
        return stats.get(kind).okBetween(first, Long.MAX_VALUE);
    }

    /** What was hit, e.g. {@code redis-2}. */
    public List<String> killed() {
        return faults.stream().map(FaultEvent::hit).toList();
    }

    // ---- formatting ----

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String at(long millis) {
        return String.format(Locale.ROOT, "+%.1f s", millis / 1000.0);
    }

    static String gap(Gaps.Gap gap) {
        return String.format(Locale.ROOT, "%,d ms (%s .. %s)", gap.millis(), at(gap.from()), at(gap.to()));
    }

    /** The printable report. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("== Drill: ").append(name).append(" ==\n");
        for (FaultEvent fault : faults) {
            out.append(String.format(Locale.ROOT, "%s %s: killed %s",
                    at(fault.injected()), fault.fault(), fault.hit()));
            if (fault.healing() >= 0) {
                out.append(", restarting at ").append(at(fault.healing()));
            }
            out.append(fault.healed() >= 0 ? ", whole again at " + at(fault.healed()) : ", NOT healed").append('\n');
        }
        if (faults.isEmpty()) {
            out.append("no fault was injected\n");
        }
        out.append("load stopped at ").append(at(loadStopped)).append("\n\n");

        out.append(String.format(Locale.ROOT, "%-12s %7s %7s %7s %6s %6s %6s %7s %6s %8s  %s%n", "kind", "tried", "ok",
                "failed", "503", "503*", "conn", "timeout", "wrong", "ok-down", "longest gap"));
        for (Map.Entry<Kind, KindStats> entry : stats.entrySet()) {
            KindStats s = entry.getValue();
            out.append(String.format(Locale.ROOT, "%-12s %7d %7d %7d %6d %6d %6d %7d %6d %8d  %s%n",
                    entry.getKey().label(), s.tried(), s.ok(), s.failed(), s.failed(Failure.UNAVAILABLE),
                    s.failed(Failure.UNAVAILABLE_WITHOUT_RETRY_AFTER), s.failed(Failure.CONNECTION),
                    s.failed(Failure.TIMEOUT), s.wrong(), okWhileDown(entry.getKey()),
                    s.tried() == 0 || !entry.getKey().steady() ? "-" : gap(longestGap(entry.getKey()))));
        }
        out.append("(503*: 503 without Retry-After; ok-down: successes while the server was down; "
                + "sign-ins and new carts follow other calls, so they have no gap of their own)\n");

        List<String> failureLines = new ArrayList<>();
        stats.forEach((kind, s) -> {
            if (s.failed() > 0) {
                failureLines.add("  " + kind.label() + ": " + clusters(s.failures()));
            }
        });
        if (!failureLines.isEmpty()) {
            out.append("\nfailed calls (allowed), when:\n");
            failureLines.forEach(line -> out.append(line).append('\n'));
        }
        List<String> wrongLines = new ArrayList<>();
        stats.forEach((kind, s) -> {
            s.wrongExamples().stream().limit(WRONG_SHOWN)
                    .forEach(example -> wrongLines.add("  " + kind.label() + " " + example));
            if (s.wrong() > WRONG_SHOWN) {
                wrongLines.add("  " + kind.label() + " … and " + (s.wrong() - WRONG_SHOWN) + " more");
            }
        });
        out.append("\nwrong answers: ").append(wrong() == 0 ? "none" : wrong() + ", e.g.").append('\n');
        wrongLines.forEach(line -> out.append(line).append('\n'));

        out.append('\n').append(String.format(Locale.ROOT, "%-36s %7s %5s %10s %10s %18s %10s%n", "acknowledged writes",
                "checked", "lost", "duplicated", "unexpected", "unacked-but-stored", "unverified"));
        for (Write write : Write.values()) {
            out.append(row(write.label() + " (" + write.promise() + ")", c -> verification.get(write, c)));
        }
        out.append(row("total", verification::total));
        if (!verification.problems().isEmpty()) {
            out.append("problems").append(verification.problemCount() > verification.problems().size()
                    ? " (first " + verification.problems().size() + " of " + verification.problemCount() + ")" : "")
                    .append(":\n");
            verification.problems().forEach(problem -> out.append("  ").append(problem).append('\n'));
        }

        Kind longest = kindWithLongestGap();
        if (longest != null) {
            out.append("\nlongest gap: ").append(longest.label()).append(' ')
                    .append(gap(longestGap(longest))).append('\n');
        }
        out.append("killed: ").append(faults.isEmpty() ? "nothing" : String.join(", ", killed())).append('\n');
        errors.forEach(error -> out.append("drill error: ").append(error).append('\n'));
        out.append("RESULT: ").append(passed() ? "PASSED" : "FAILED (" + String.join("; ", failures()) + ")")
                .append('\n');
        return out.toString();
    }

    private static String row(String label, java.util.function.Function<Count, Integer> count) {
        return String.format(Locale.ROOT, "%-36s %7d %5d %10d %10d %18d %10d%n", label, count.apply(Count.CHECKED),
                count.apply(Count.LOST), count.apply(Count.DUPLICATED), count.apply(Count.UNEXPECTED),
                count.apply(Count.UNACKED_BUT_STORED), count.apply(Count.UNVERIFIED));
    }

    /**
     * Failures grouped into bursts (failures less than 2 s apart), e.g.
     * "+5.1 .. +9.8 s: 12 (503 ×10, connection ×2)".
     */
    static String clusters(List<KindStats.FailureAt> failures) {
        List<KindStats.FailureAt> sorted = new ArrayList<>(failures);
        sorted.sort((a, b) -> Long.compare(a.at(), b.at()));
        List<String> bursts = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1).at() - sorted.get(j).at() < 2_000) {
                j++;
            }
            Map<Failure, Integer> reasons = new java.util.EnumMap<>(Failure.class);
            for (int k = i; k <= j; k++) {
                reasons.merge(sorted.get(k).failure(), 1, Integer::sum);
            }
            List<String> parts = new ArrayList<>();
            reasons.forEach((reason, n) -> parts.add(reason.label() + " ×" + n));
            bursts.add(String.format(Locale.ROOT, "%s .. %s: %d (%s)", at(sorted.get(i).at()), at(sorted.get(j).at()),
                    j - i + 1, String.join(", ", parts)));
            i = j + 1;
        }
        if (bursts.size() > 6) {
            int more = bursts.size() - 6;
            bursts = new ArrayList<>(bursts.subList(0, 6));
            bursts.add("and " + more + " more burst(s)");
        }
        return String.join("; ", bursts);
    }
}
