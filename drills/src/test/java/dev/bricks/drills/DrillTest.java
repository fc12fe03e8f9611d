package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.drills.Verification.Count;
import dev.bricks.drills.Verification.Write;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whole drills — load, fault, verification — against {@link FakeShop}, a few seconds each. */
class DrillTest {

    private static final Drill.Timing SHORT = new Drill.Timing(Duration.ofMillis(700), Duration.ofMillis(1_200),
            Duration.ofMillis(700));

    private final FakeShop shop = newShop();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private static FakeShop newShop() {
        try {
            return new FakeShop();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopShop() {
        shop.close();
    }

    /**
     * Long enough for the lone checkout worker (new cart, lines, checkout: several calls) to try a
     * few checkouts while down even on a loaded machine (load 20 left it at one new cart in SHORT).
     */
    private static final Drill.Timing CHECKOUTS_WHILE_DOWN = new Drill.Timing(Duration.ofMillis(1_500),
            Duration.ofSeconds(4), Duration.ofMillis(700));

    private DrillReport drill(Fault fault) throws InterruptedException {
        return drill(fault, SHORT);
    }

    private DrillReport drill(Fault fault, Drill.Timing timing) throws InterruptedException {
        Drill drill = new Drill("fake", new ShopClient(shop.uri()), ShopLoad.Settings.defaults(), () -> "staff",
                Duration.ofSeconds(3), new PrintStream(log, true, StandardCharsets.UTF_8));
        return drill.run(fault, timing);
    }

    /** The fake shop answers {@code status} to everything while "down". */
    private Fault outage(int status, Runnable onHeal) {
        return new Fault() {
            @Override
            public String inject() {
                shop.outage = status;
                return "fake-1";
            }

            @Override
            public void heal() {
                onHeal.run();
                shop.outage = 0;
            }
        };
    }

    @Test
    void aShopThatOnlyAnswers503WhileDownPassesAndShowsTheGap() throws InterruptedException {
        DrillReport report = drill(outage(503, () -> { }));

        assertTrue(report.passed(), report.format());
        assertAll(
                () -> assertEquals(java.util.List.of("fake-1"), report.killed()),
                () -> assertTrue(report.stats(Kind.CART_CHANGE).failed(Failure.UNAVAILABLE) > 0),
                // at most the calls in flight when the shop went down
                () -> assertTrue(report.okWhileDown(Kind.PRODUCT) <= ShopLoad.Settings.defaults().productWorkers()),
                () -> assertTrue(report.longestGap(Kind.PRODUCT).millis() >= 1_000, report.format()),
                () -> assertTrue(report.okAfterFault(Kind.CHECKOUT) > 0),
                () -> assertTrue(report.verification().get(Write.REGISTRATION, Count.CHECKED) > 0),
                () -> assertTrue(report.verification().get(Write.CART_LINE, Count.CHECKED) > 0),
                () -> assertTrue(report.verification().get(Write.CHECKOUT, Count.CHECKED) > 0),
                () -> assertEquals(report.verification().get(Write.CHECKOUT, Count.CHECKED),
                        report.verification().get(Write.EMPTIED_CART, Count.CHECKED)));
    }

    @Test
    void a500WhileDownIsAWrongAnswer() throws InterruptedException {
        DrillReport report = drill(outage(500, () -> { }));

        assertFalse(report.passed());
        assertTrue(report.stats(Kind.PRODUCT).wrong() > 0);
        assertTrue(report.format().contains("HTTP 500: down (expected 200)"), report.format());
    }

    @Test
    void aShopThatForgetsCartChangesWhenItComesBackLosesAcknowledgedWrites() throws InterruptedException {
        DrillReport report = drill(outage(503, shop::wipeCarts));

        assertFalse(report.passed());
        assertTrue(report.verification().lost() > 0 || report.stats(Kind.CART_CHANGE).wrong() > 0, report.format());
        assertTrue(report.stats(Kind.CART_CHANGE).wrongExamples().stream().anyMatch(e -> e.contains("acceptable")),
                report.format());
    }

    @Test
    void aShopThatForgetsItsCustomersLosesTheirRegistrationsAndTheStaffLookupFindsIt() throws InterruptedException {
        // no outage: registrations go on for the whole drill, and the "repair" forgets every one of them
        DrillReport report = drill(outage(0, shop::forgetCustomers), CHECKOUTS_WHILE_DOWN);

        assertFalse(report.passed());
        assertTrue(report.verification().get(Write.REGISTRATION, Count.LOST) > 1,
                report.format());
        assertTrue(report.format().contains("which staff cannot find (404)"), report.format());
    }

    @Test
    void aShopThatStoresACheckoutTwiceIsCaught() throws InterruptedException {
        shop.doubleOrders = true;
        DrillReport report = drill(outage(503, () -> { }));

        assertFalse(report.passed());
        assertTrue(report.verification().duplicated() > 0, report.format());
    }

    @Test
    void aCheckoutThatGotNo202ButBecameAnOrderIsAllowedAndCounted() throws InterruptedException {
        shop.checkoutAnswerLost = true;
        DrillReport report = drill(outage(503, () -> { }), CHECKOUTS_WHILE_DOWN);

        assertTrue(report.passed(), report.format());
        assertTrue(report.verification().unackedButStored() > 0, report.format());
        assertEquals(0, report.stats(Kind.CHECKOUT).ok());
    }
}
