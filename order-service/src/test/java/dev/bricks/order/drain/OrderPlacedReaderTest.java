package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OrderPlacedReaderTest {

    private final OrderPlacedReader reader = new OrderPlacedReader();

    static String record(int version, String total, String currency, String unitPrice, int quantity) {
        return """
                {"schemaVersion":%d,"orderId":"6f1c1f4e-8f0e-4d55-9a43-3f2b8f9a0c11","cartId":"c-1",
                 "customerId":"0b7e2a52-3b8a-4c1e-9f0e-7a5e2d8c4b21","email":"ann@example.com",
                 "lines":[{"sku":"BRK-1","name":"Red brick","unitPrice":"%s","quantity":%d},
                          {"sku":"BRK-2","name":"Blue brick","unitPrice":"1.00","quantity":1}],
                 "total":"%s","currency":"%s","catalogGeneration":7,"placedAt":"2025-03-01T10:15:30Z"}
                """.formatted(version, unitPrice, quantity, total, currency);
    }

    private String reason(String text) {
        return assertThrows(UnprocessableRecordException.class, () -> reader.read(text)).getMessage();
    }

    @Test
    void readsAWellFormedOrderWithItsDecimalStringAmounts() {
        OrderPlaced order = reader.read(record(1, "6.00", "EUR", "2.50", 2));
        assertEquals("6f1c1f4e-8f0e-4d55-9a43-3f2b8f9a0c11", order.orderId());
        assertEquals(new BigDecimal("6.00"), order.total());
        assertEquals(2, order.lines().size());
        assertEquals(7, order.catalogGeneration());
    }

    @Test
    void textThatIsNotJsonIsUnparseable() {
        assertTrue(reason("{not json").startsWith("unparseable"));
        assertTrue(reason("").startsWith("unparseable"));
        assertTrue(reason("[1,2]").startsWith("unparseable"));
    }

    @Test
    void anUnknownSchemaVersionIsNamed() {
        assertEquals("unknown schemaVersion 2 (this order-service reads 1)",
                reason(record(2, "6.00", "EUR", "2.50", 2)));
    }

    @Test
    void aTotalThatIsNotTheSumOfTheLinesIsRejected() {
        assertEquals("total 7.00 is not the sum of its lines 6.00", reason(record(1, "7.00", "EUR", "2.50", 2)));
    }

    @Test
    void aCurrencyThatIsNotIso4217IsRejected() {
        assertTrue(reason(record(1, "6.00", "EURO", "2.50", 2)).startsWith("bad currency 'EURO'"));
        assertTrue(reason(record(1, "6.00", "QQQ", "2.50", 2)).startsWith("bad currency 'QQQ'"));
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRejected() {
        assertTrue(reason(record(1, "6.002", "EUR", "2.501", 2)).contains("has more decimals than EUR allows (2)"));
    }

    @Test
    void aNonPositiveQuantityOrAMissingIdIsNamedByItsField() {
        assertEquals("lines[0].quantity 0 is not positive", reason(record(1, "1.00", "EUR", "2.50", 0)));
        assertEquals("orderId 'x' is not a UUID",
                reason(record(1, "6.00", "EUR", "2.50", 2).replace("6f1c1f4e-8f0e-4d55-9a43-3f2b8f9a0c11", "x")));
    }

    @Test
    void aFieldOfTheWrongTypeIsUnparseable() {
        String json = record(1, "6.00", "EUR", "2.50", 2)
                .replace("\"catalogGeneration\":7", "\"catalogGeneration\":\"seven\"");
        assertTrue(reason(json).startsWith("unparseable"));
    }
}
