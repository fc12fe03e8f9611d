package dev.bricks.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static BigDecimal round(String amount, String currency) {
        return Money.round(new BigDecimal(amount), currency);
    }

    @Test
    void threeCapitalLettersThatJavaKnowsAreIso4217Codes() {
        assertTrue(Money.isIso4217("EUR"));
        assertTrue(Money.isIso4217("JPY"));
        assertTrue(Money.isIso4217("BHD"));
        assertTrue(Money.isIso4217("XAU")); // gold: ISO 4217, but without a minor unit
    }

    @Test
    void anythingElseIsNotAnIso4217Code() {
        assertFalse(Money.isIso4217(null));
        assertFalse(Money.isIso4217(""));
        assertFalse(Money.isIso4217("eur"));
        assertFalse(Money.isIso4217("EUr")); // java.util.Currency alone would take it for EUR
        assertFalse(Money.isIso4217("EURO"));
        assertFalse(Money.isIso4217("EU"));
        assertFalse(Money.isIso4217("E1R"));
        assertFalse(Money.isIso4217(" EUR"));
        assertFalse(Money.isIso4217("QQQ"));
    }

    @Test
    void minorUnitsAreTheCurrencysDecimals() {
        assertEquals(OptionalInt.of(2), Money.minorUnits("EUR"));
        assertEquals(OptionalInt.of(0), Money.minorUnits("JPY"));
        assertEquals(OptionalInt.of(3), Money.minorUnits("BHD"));
        assertEquals(OptionalInt.of(4), Money.minorUnits("CLF"));
    }

    @Test
    void aCodeWithoutMinorUnitOrNotIso4217HasNoMinorUnits() {
        assertEquals(OptionalInt.empty(), Money.minorUnits("XAU"));
        assertEquals(OptionalInt.empty(), Money.minorUnits("XXX"));
        assertEquals(OptionalInt.empty(), Money.minorUnits("QQQ"));
        assertEquals(OptionalInt.empty(), Money.minorUnits("eur"));
        assertEquals(OptionalInt.empty(), Money.minorUnits(null));
    }

    @Test
    void amountsAreShownWithTheMinorUnitZeroWithoutOneAndTwoForAnUnknownCode() {
        assertEquals(2, Money.decimals("EUR"));
        assertEquals(0, Money.decimals("JPY"));
        assertEquals(3, Money.decimals("KWD"));
        assertEquals(0, Money.decimals("XAU"));
        assertEquals(2, Money.decimals("QQQ"));
        assertEquals(2, Money.decimals(null));
    }

    @Test
    void roundingIsHalfEvenToTheMinorUnit() {
        assertEquals(new BigDecimal("0.38"), round("0.375", "EUR"));
        assertEquals(new BigDecimal("0.38"), round("0.385", "EUR")); // half-even: to the even neighbour
        assertEquals(new BigDecimal("0.12"), round("0.125", "EUR"));
        assertEquals(new BigDecimal("0.13"), round("0.1251", "EUR"));
        assertEquals(new BigDecimal("150"), round("150.5", "JPY"));
        assertEquals(new BigDecimal("152"), round("151.5", "JPY"));
        assertEquals(new BigDecimal("1.000"), round("1.0005", "KWD"));
        assertEquals(new BigDecimal("2"), round("1.50", "XAU"));
        assertEquals(new BigDecimal("1.00"), round("1.005", "QQQ"));
    }

    @Test
    void roundingPadsAnAmountToTheMinorUnit() {
        assertEquals("12.50", round("12.5", "EUR").toPlainString());
        assertEquals("301", round("301.0", "JPY").toPlainString());
        assertEquals("0.00", round("0", "EUR").toPlainString());
    }

    @Test
    void moneyTravelsAsADecimalStringAndItsRulesAddNothingToTheJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}",
                json.writeValueAsString(new Money(new BigDecimal("12.50"), "EUR")));
        assertEquals(new Money(new BigDecimal("0.990"), "EUR"),
                json.readValue("{\"amount\":\"0.990\",\"currency\":\"EUR\"}", Money.class));
    }
}
