package dev.bricks.order.order;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OrderCsvTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "=1+2|'=1+2",
        "+1+2|'+1+2",
        "-1+2|'-1+2",
        "@SUM(A1)|'@SUM(A1)",
        "=HYPERLINK(\"x\")|\"'=HYPERLINK(\"\"x\"\")\"",
        "-12.50|-12.50",
        "12.50|12.50",
        "a=b@example.com|a=b@example.com",
        "a,b|\"a,b\"" })
    void aFieldThatASpreadsheetWouldRunAsAFormulaIsPrefixedWithAQuote(String value, String expected) {
        assertEquals(expected, OrderCsv.field(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "\t", "\r" })
    void aLeadingTabOrCarriageReturnIsNeutralisedToo(String prefix) {
        String field = OrderCsv.field(prefix + "=cmd");
        String unquoted = field.startsWith("\"") ? field.substring(1, field.length() - 1) : field;
        assertEquals("'" + prefix + "=cmd", unquoted);
    }
}
