package dev.bricks.order.drain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.testing.Golden;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * order-service reads the golden {@code orders.placed} record, the one cart-service's checkout is
 * tested to write, into exactly the order it describes.
 */
class OrderPlacedWireFormatTest {

    @Test
    void theGoldenOrderPlacedRecordOfSchemaVersion1IsReadIntoItsOrder() {
        OrderPlaced order = new OrderPlacedReader().read(Golden.text("order-placed-v1.json"));

        assertEquals(new OrderPlaced(1, "6f1c1f4e-8f0e-4d55-9a43-3f2b8f9a0c11", "q4UQx1D0T9i2m8mZr3a7Kw",
                "0b7e2a52-3b8a-4c1e-9f0e-7a5e2d8c4b21", "ada@example.com",
                List.of(new OrderPlaced.Line("KIT-0042", "Oak Lamp", new BigDecimal("12.50"), 2),
                        new OrderPlaced.Line("OFF-0007", "Fountain Pen", new BigDecimal("0.99"), 3)),
                new BigDecimal("27.97"), "EUR", 7, Instant.parse("2025-03-01T10:15:30.123456Z")), order);
    }
}
