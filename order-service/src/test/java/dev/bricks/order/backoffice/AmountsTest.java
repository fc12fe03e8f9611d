package dev.bricks.order.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class AmountsTest {

    @Test
    void anAmountReadsWithGroupedThousandsItsDecimalsAndItsCurrency() {
        assertEquals("28.99 EUR", Amounts.money(new BigDecimal("28.99"), "EUR"));
        assertEquals("1,234,567.50 EUR", Amounts.money(new BigDecimal("1234567.50"), "EUR"));
        assertEquals("1,200 JPY", Amounts.money(new BigDecimal("1200"), "JPY"));
        assertEquals("0.125 BHD", Amounts.money(new BigDecimal("0.125"), "BHD"));
    }
}
