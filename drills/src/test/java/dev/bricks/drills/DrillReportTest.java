package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.drills.Verification.Count;
import dev.bricks.drills.Verification.Write;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DrillReportTest {

    /** A load of 60 s: redis-2 killed at +5 s, restarted at +35 s, whole again at +41 s. */
    private static final FaultEvent KILL = new FaultEvent("kill redis-primary", "redis-2", 5_000, 35_000, 41_000);

    private static Map<Kind, KindStats> stats(Map<Kind, CallStats> calls) {
        Map<Kind, KindStats> out = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            out.put(kind, calls.getOrDefault(kind, new CallStats(kind)).snapshot());
        }
        return out;
    }

    private static CallStats steady(Kind kind, long from, long to, long every) {
        CallStats stats = new CallStats(kind);
        for (long at = from; at <= to; at += every) {
            stats.record(at, Verdict.OK);
        }
        return stats;
    }

    private static Verification verified(int registrations, int lines, int checkouts) {
        Verification verification = new Verification();
        verification.add(Write.REGISTRATION, Count.CHECKED, registrations);
        verification.add(Write.CART_LINE, Count.CHECKED, lines);
        verification.add(Write.CHECKOUT, Count.CHECKED, checkouts);
        verification.add(Write.EMPTIED_CART, Count.CHECKED, checkouts);
        return verification;
    }

    private static DrillReport report(Map<Kind, CallStats> calls, Verification verification, List<String> errors) {
        return new DrillReport("redis-primary", List.of(KILL), stats(calls), 60_000, verification, errors);
    }

    @Test
    void aSlowFirstSuccessBeforeTheFaultIsNoGap() {
        CallStats checkout = steady(Kind.CHECKOUT, 4_000, 60_000, 500); // cold until +4 s, fault at +5 s

        assertEquals(new Gaps.Gap(4_000, 4_500),
                report(Map.of(Kind.CHECKOUT, checkout), verified(1, 1, 1), List.of()).longestGap(Kind.CHECKOUT));
    }

    @Test
    void aFirstSuccessOnlyAfterTheFaultCountsFromTheFault() {
        CallStats checkout = steady(Kind.CHECKOUT, 12_000, 60_000, 500); // nothing until +12 s, fault at +5 s

        assertEquals(new Gaps.Gap(5_000, 12_000),
                report(Map.of(Kind.CHECKOUT, checkout), verified(1, 1, 1), List.of()).longestGap(Kind.CHECKOUT));
    }

    @Test
    void aCleanDrillPassesAndSaysWhatWasKilled() {
        CallStats cart = steady(Kind.CART_CHANGE, 0, 60_000, 100);
        DrillReport report = report(Map.of(Kind.CART_CHANGE, cart), verified(10, 24, 30), List.of());

        assertTrue(report.passed());
        assertEquals(List.of(), report.failures());
        assertEquals(List.of("redis-2"), report.killed());
        String text = report.format();
        assertTrue(text.startsWith("== Drill: redis-primary ==\n+5.0 s kill redis-primary: killed redis-2, "
                + "restarting at +35.0 s, whole again at +41.0 s\nload stopped at +60.0 s\n"), text);
        assertTrue(text.contains("wrong answers: none\n"), text);
        assertTrue(text.endsWith("killed: redis-2\nRESULT: PASSED\n"), text);
    }

    @Test
    void theTableHasOneRowPerKindWithItsCountersAndLongestGap() {
        CallStats cart = new CallStats(Kind.CART_CHANGE);
        cart.record(1_000, Verdict.OK);
        cart.record(5_500, Verdict.failed(Failure.UNAVAILABLE, "HTTP 503"));
        cart.record(6_000, Verdict.failed(Failure.CONNECTION, "connection refused"));
        cart.record(7_000, Verdict.failed(Failure.TIMEOUT, "no answer"));
        cart.record(8_000, Verdict.failed(Failure.UNAVAILABLE_WITHOUT_RETRY_AFTER, "HTTP 503"));
        cart.record(9_000, Verdict.OK);
        cart.record(59_000, Verdict.OK);
        DrillReport report = report(Map.of(Kind.CART_CHANGE, cart), verified(0, 4, 0), List.of());

        String row = report.format().lines().filter(l -> l.startsWith("cart-change")).findFirst().orElseThrow();
        assertEquals("cart-change        7       3       4      1      1      1       1      0        1  "
                + "50,000 ms (+9.0 s .. +59.0 s)", row);
        assertEquals(Kind.CART_CHANGE, report.kindWithLongestGap());
        assertEquals(1, report.okWhileDown(Kind.CART_CHANGE));
        assertEquals(2, report.okAfterFault(Kind.CART_CHANGE));
        assertTrue(report.format().contains("\nlongest gap: cart-change 50,000 ms (+9.0 s .. +59.0 s)\n"));
    }

    @Test
    void kindsNeverTriedAndSignInsShowNoGap() {
        CallStats signIn = new CallStats(Kind.SIGN_IN);
        signIn.record(100, Verdict.OK);
        String text = report(Map.of(Kind.SIGN_IN, signIn), verified(0, 0, 0), List.of()).format();

        for (String kind : List.of("sign-in", "search")) {
            String row = text.lines().filter(l -> l.startsWith(kind)).findFirst().orElseThrow();
            assertTrue(row.endsWith("  -"), row);
        }
    }

    @Test
    void failuresAreListedAsBurstsWithTheirReasons() {
        List<KindStats.FailureAt> failures = List.of(
                new KindStats.FailureAt(5_100, Failure.UNAVAILABLE),
                new KindStats.FailureAt(6_000, Failure.UNAVAILABLE),
                new KindStats.FailureAt(7_900, Failure.CONNECTION),
                new KindStats.FailureAt(35_200, Failure.TIMEOUT));

        assertEquals("+5.1 s .. +7.9 s: 3 (503 ×2, connection ×1); +35.2 s .. +35.2 s: 1 (timeout ×1)",
                DrillReport.clusters(failures));
    }

    @Test
    void aWrongAnswerFailsTheDrillAndIsShownWithItsExample() {
        CallStats checkout = steady(Kind.CHECKOUT, 0, 60_000, 500);
        checkout.record(12_300, Verdict.wrong("HTTP 500: boom (expected 202)"));
        DrillReport report = report(Map.of(Kind.CHECKOUT, checkout), verified(0, 0, 120), List.of());

        assertFalse(report.passed());
        assertEquals(List.of("1 wrong answer(s)"), report.failures());
        String text = report.format();
        assertTrue(text.contains("wrong answers: 1, e.g.\n  checkout +12.3 s HTTP 500: boom (expected 202)\n"), text);
        assertTrue(text.endsWith("RESULT: FAILED (1 wrong answer(s))\n"), text);
    }

    @Test
    void onlyTheFirstWrongAnswersOfAKindArePrinted() {
        CallStats product = steady(Kind.PRODUCT, 0, 60_000, 100);
        for (int i = 0; i < 5; i++) {
            product.record(6_000 + i * 100, Verdict.wrong("HTTP 502: Bad Gateway (expected 200)"));
        }
        String text = report(Map.of(Kind.PRODUCT, product), verified(0, 0, 0), List.of()).format();

        assertTrue(text.contains("wrong answers: 5, e.g.\n  product +6.0 s HTTP 502: Bad Gateway (expected 200)\n"
                + "  product +6.1 s HTTP 502: Bad Gateway (expected 200)\n  product +6.2 s HTTP 502: Bad Gateway "
                + "(expected 200)\n  product … and 2 more\n"), text);
    }

    @Test
    void lostAndDuplicatedWritesFailTheDrillButUnackedStoredOrdersDoNot() {
        Verification verification = verified(10, 20, 30);
        verification.add(Write.CHECKOUT, Count.UNACKED_BUT_STORED, 2);
        DrillReport fine = report(Map.of(), verification, List.of());
        assertTrue(fine.passed());

        verification.problem(Write.CART_LINE, Count.LOST, "cart c1 shows KIT-0001 absent, acceptable [3]");
        verification.problem(Write.CHECKOUT, Count.DUPLICATED, "cart c2 became 2 orders [o1, o2]");
        DrillReport broken = report(Map.of(), verification, List.of());

        assertFalse(broken.passed());
        assertEquals(List.of("1 acknowledged write(s) lost", "1 write(s) applied twice"), broken.failures());
        String text = broken.format();
        assertTrue(text.contains("\n  cart lines: cart c1 shows KIT-0001 absent, acceptable [3]\n"), text);
        String total = text.lines().filter(l -> l.startsWith("total")).findFirst().orElseThrow();
        assertEquals(List.of("total", "90", "1", "1", "0", "2", "0"), List.of(total.trim().split("\\s+")));
    }

    @Test
    void aFailedRepairFailsTheDrill() {
        DrillReport report = new DrillReport("gateway",
                List.of(new FaultEvent("kill gateway", "gateway-1", 5_000, 35_000, -1)), stats(Map.of()), 60_000,
                verified(1, 1, 1), List.of("could not repair after kill gateway: ./bricks up --no-build exited 1"));

        assertFalse(report.passed());
        assertTrue(report.format().contains("killed gateway-1, restarting at +35.0 s, NOT healed\n"));
    }
}
