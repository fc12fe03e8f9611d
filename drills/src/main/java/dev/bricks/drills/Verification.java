package dev.bricks.drills;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the {@link Verifier} found, per kind of acknowledged write. Thread-safe while it is being
 * filled; read it once {@link Verifier#verify} returned.
 */
public final class Verification {

    /** The kinds of acknowledged write the verifier checks. */
    public enum Write {
        REGISTRATION("registrations", "on record, 1 in " + Verifier.SIGN_IN_EVERY + " signs in"),
        CART_LINE("cart lines", "acceptable quantity"),
        CHECKOUT("checkouts", "one order each"),
        EMPTIED_CART("checked-out carts", "empty");

        private final String label;
        private final String promise;

        Write(String label, String promise) {
            this.label = label;
            this.promise = promise;
        }

        public String label() {
            return label;
        }

        public String promise() {
            return promise;
        }
    }

    /** The outcomes counted per kind of write. */
    public enum Count {
        /** acknowledged and checked (found as acknowledged, or found wrong) */
        CHECKED,
        /** acknowledged but not there (or changed back) */
        LOST,
        /** applied more than once (two orders for one checkout) */
        DUPLICATED,
        /** something the ledger cannot explain: a line or order nobody wrote, an order with other lines */
        UNEXPECTED,
        /** a checkout without 202 that became an order anyway: allowed, counted */
        UNACKED_BUT_STORED,
        /** could not be checked (the shop did not answer the verifier) */
        UNVERIFIED
    }

    /** Problems kept as examples. */
    static final int PROBLEMS = 30;

    private final Map<Write, EnumMap<Count, Integer>> counts = new EnumMap<>(Write.class);
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    public Verification() {
        for (Write write : Write.values()) {
            EnumMap<Count, Integer> zero = new EnumMap<>(Count.class);
            for (Count count : Count.values()) {
                zero.put(count, 0);
            }
            counts.put(write, zero);
        }
    }

    public synchronized void add(Write write, Count count, int n) {
        counts.get(write).merge(count, n, Integer::sum);
    }

    public void add(Write write, Count count) {
        add(write, count, 1);
    }

    /** Counts {@code count} once and keeps {@code problem} as an example. */
    public void problem(Write write, Count count, String problem) {
        problem(write, count, 1, problem);
    }

    /** Counts {@code count} {@code n} times and keeps {@code problem} as an example. */
    public synchronized void problem(Write write, Count count, int n, String problem) {
        add(write, count, n);
        problemCount++;
        if (problems.size() < PROBLEMS) {
            problems.add(write.label() + ": " + problem);
        }
    }

    public synchronized int get(Write write, Count count) {
        return counts.get(write).get(count);
    }

    /** Summed over every kind of write. */
    public synchronized int total(Count count) {
        return counts.values().stream().mapToInt(c -> c.get(count)).sum();
    }

    public int checked() {
        return total(Count.CHECKED);
    }

    public int lost() {
        return total(Count.LOST);
    }

    public int duplicated() {
        return total(Count.DUPLICATED);
    }

    public int unexpected() {
        return total(Count.UNEXPECTED);
    }

    public int unackedButStored() {
        return total(Count.UNACKED_BUT_STORED);
    }

    public int unverified() {
        return total(Count.UNVERIFIED);
    }

    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized int problemCount() {
        return problemCount;
    }

    /** Nothing acknowledged lost, nothing applied twice, nothing unexplained, everything checked. */
    public boolean passed() {
        return lost() == 0 && duplicated() == 0 && unexpected() == 0 && unverified() == 0;
    }
}
