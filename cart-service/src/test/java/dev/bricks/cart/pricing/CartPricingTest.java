package dev.bricks.cart.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.pricing.CartPricing;
import dev.bricks.cart.pricing.PriceQuote;
import dev.bricks.cart.store.StoredLine;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.cart.CartView;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartPricingTest {

    private static PriceQuote quote(String amount, String currency, boolean stale) {
        return new PriceQuote("Brick", new Money(new BigDecimal(amount), currency), 7, stale);
    }

    private static StoredLine line(String sku, int quantity, long addedAt) {
        return new StoredLine(sku, quantity, null, addedAt);
    }

    @Test
    void lineTotalsAreUnitPriceTimesQuantityAndTheTotalIsTheirSum() {
        Map<String, PriceQuote> quotes = Map.of("A", quote("12.50", "EUR", false), "B", quote("0.99", "EUR", false));
        CartView view = CartPricing.view("c1", List.of(line("A", 3, 1), line("B", 7, 2)),
                l -> quotes.get(l.sku()), "EUR");

        assertEquals(new BigDecimal("37.50"), view.lines().get(0).lineTotal().amount());
        assertEquals(new BigDecimal("6.93"), view.lines().get(1).lineTotal().amount());
        assertEquals(new Money(new BigDecimal("44.43"), "EUR"), view.total());
        assertEquals(10, view.itemCount());
        assertFalse(view.priceStale());
    }

    @Test
    void anEmptyCartCostsZeroInTheDefaultCurrency() {
        CartView view = CartPricing.view("c1", List.of(), l -> null, "EUR");
        assertEquals(new Money(new BigDecimal("0.00"), "EUR"), view.total());
        assertEquals(0, view.itemCount());
        assertTrue(view.lines().isEmpty());
    }

    @Test
    void totalsAreRoundedHalfEvenToTheCurrencysMinorUnit() {
        CartView euros = CartPricing.view("c1", List.of(line("A", 3, 1)), l -> quote("0.125", "EUR", false), "EUR");
        assertEquals(new BigDecimal("0.38"), euros.total().amount()); // 0.375 -> 0.38
        CartView yen = CartPricing.view("c1", List.of(line("A", 2, 1)), l -> quote("150.5", "JPY", false), "EUR");
        assertEquals(new Money(new BigDecimal("301"), "JPY"), yen.total());
    }

    @Test
    void aLastKnownPriceMarksTheLineAndTheCartStaleButStillCounts() {
        Map<String, PriceQuote> quotes = Map.of("A", quote("2.00", "EUR", false), "B", quote("3.00", "EUR", true));
        CartView view = CartPricing.view("c1", List.of(line("A", 1, 1), line("B", 1, 2)),
                l -> quotes.get(l.sku()), "EUR");
        assertFalse(view.lines().get(0).priceStale());
        assertTrue(view.lines().get(1).priceStale());
        assertTrue(view.priceStale());
        assertEquals(new BigDecimal("5.00"), view.total().amount());
    }

    @Test
    void aLineWithoutAnyPriceIsShownUnpricedAndLeftOutOfTheTotal() {
        CartView view = CartPricing.view("c1", List.of(line("A", 2, 1), line("B", 1, 2)),
                l -> l.sku().equals("A") ? quote("4.00", "EUR", false) : null, "EUR");
        assertNull(view.lines().get(1).unitPrice());
        assertTrue(view.lines().get(1).priceStale());
        assertEquals(new BigDecimal("8.00"), view.total().amount());
        assertEquals(3, view.itemCount());
    }

    @Test
    void aLineInAnotherCurrencyIsNotAddedToTheTotal() {
        Map<String, PriceQuote> quotes = Map.of("A", quote("2.00", "EUR", false), "B", quote("3.00", "USD", false));
        CartView view = CartPricing.view("c1", List.of(line("A", 1, 1), line("B", 1, 2)),
                l -> quotes.get(l.sku()), "EUR");
        assertEquals(new Money(new BigDecimal("2.00"), "EUR"), view.total());
        assertTrue(view.lines().get(1).priceStale());
    }
}
