package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LedgerTest {

    private final Ledger ledger = new Ledger();
    private final Ledger.Cart cart = ledger.cart("cart-a", new Customer("a@example.com", "secret-password"));

    @Test
    void aLineNeverWrittenMayOnlyBeAbsent() {
        Ledger.Line line = cart.line("KIT-0001");

        assertEquals(Set.of(Ledger.ABSENT), line.acceptable());
        assertFalse(line.wasAcknowledged());
        assertFalse(line.accepts(1));
    }

    @Test
    void anAcknowledgedChangeIsTheOnlyAcceptableValue() {
        Ledger.Line line = cart.line("KIT-0001");
        line.acknowledged(3);
        line.acknowledged(7);

        assertEquals(Set.of(7), line.acceptable());
        assertTrue(line.accepts(7));
        assertFalse(line.accepts(3), "an older acknowledged value means the last change was lost");
        assertFalse(line.accepts(Ledger.ABSENT));
    }

    @Test
    void aChangeWithoutAnAnswerMayOrMayNotHaveLanded() {
        Ledger.Line line = cart.line("KIT-0001");
        line.acknowledged(4);
        line.unanswered(9);

        assertEquals(Set.of(4, 9), line.acceptable());
        assertEquals(4, line.lastAcknowledged());
    }

    @Test
    void aFirstChangeWithoutAnAnswerLeavesTheLinePossiblyAbsent() {
        Ledger.Line line = cart.line("KIT-0001");
        line.unanswered(5);

        assertEquals(Set.of(Ledger.ABSENT, 5), line.acceptable());
        assertFalse(line.wasAcknowledged());
    }

    @Test
    void aChangeWithoutAnAnswerStaysAcceptableAfterLaterAcknowledgedChanges() {
        // its request may still sit in a replica and land after the later change: it was concurrent with it
        Ledger.Line line = cart.line("KIT-0001");
        line.acknowledged(2);
        line.unanswered(6);
        line.acknowledged(8);

        assertEquals(Set.of(6, 8), line.acceptable());
        assertFalse(line.accepts(2), "the older acknowledged value was overwritten by an acknowledged change");
    }

    @Test
    void aCartStateIsCheckedLineByLine() {
        cart.line("KIT-0001").acknowledged(2);
        cart.line("GAR-0002").unanswered(5);

        assertNull(cart.problemWith(Map.of("KIT-0001", 2)));
        assertNull(cart.problemWith(Map.of("KIT-0001", 2, "GAR-0002", 5)));
        assertEquals("KIT-0001 is absent, acceptable [2]", cart.problemWith(Map.of("GAR-0002", 5)));
        assertEquals("GAR-0002 is 4, acceptable [absent, 5]", cart.problemWith(Map.of("KIT-0001", 2, "GAR-0002", 4)));
        assertEquals("OUT-0003 is 1 but was never written", cart.problemWith(Map.of("KIT-0001", 2, "OUT-0003", 1)));
    }

    @Test
    void onlyAcknowledgedLinesCanBeLost() {
        Ledger.Line acknowledged = cart.line("KIT-0001");
        acknowledged.acknowledged(2);
        cart.line("GAR-0002").unanswered(5);

        assertEquals(List.of(acknowledged), cart.lostIn(Map.of()));
        assertTrue(cart.hasAcknowledgedLine());
    }

    @Test
    void aCheckoutWithoutAnAcceptedAnswerIsUnacknowledged() {
        cart.checkoutTried();
        assertTrue(cart.isCheckoutUnacknowledged());
        assertFalse(cart.isCheckedOut());

        cart.checkedOut("0b6f1c52-4a39-4a37-9a4b-1d2b3c4d5e6f");
        assertTrue(cart.isCheckedOut());
        assertFalse(cart.isCheckoutUnacknowledged());
        assertEquals("0b6f1c52-4a39-4a37-9a4b-1d2b3c4d5e6f", cart.orderId());
    }
}
