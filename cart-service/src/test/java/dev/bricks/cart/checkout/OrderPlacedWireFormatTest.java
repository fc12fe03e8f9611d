package dev.bricks.cart.checkout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.cart.api.StrictNumbers;
import dev.bricks.cart.pricing.PriceQuote;
import dev.bricks.cart.store.StoredCart;
import dev.bricks.cart.store.StoredLine;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.testing.Golden;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a checkout puts on {@code orders.placed}: the record {@link CheckoutService} builds,
 * serialized by the channel's value serializer ({@code ObjectMapperSerializer} over the
 * application ObjectMapper, see application.properties), equals the golden sample that
 * order-service's reader is tested against.
 */
class OrderPlacedWireFormatTest {

    private static final String ORDER_ID = "6f1c1f4e-8f0e-4d55-9a43-3f2b8f9a0c11";
    private static final String CUSTOMER_ID = "0b7e2a52-3b8a-4c1e-9f0e-7a5e2d8c4b21";
    private static final StoredCart CART = new StoredCart("q4UQx1D0T9i2m8mZr3a7Kw", CUSTOMER_ID,
            List.of(new StoredLine("KIT-0042", 2, null, 1), new StoredLine("OFF-0007", 3, null, 2)));

    private static PriceQuote quote(String name, String amount, String currency) {
        return new PriceQuote(name, new Money(new BigDecimal(amount), currency), 7, false);
    }

    private static byte[] serialize(OrderPlaced order) {
        ObjectMapper json = Golden.quarkusObjectMapper();
        new StrictNumbers().customize(json); // the cart's own customizer of the application ObjectMapper
        try (ObjectMapperSerializer<OrderPlaced> serializer = new ObjectMapperSerializer<>(json)) {
            return serializer.serialize(OrderPlaced.TOPIC, order);
        }
    }

    @Test
    void aCheckoutPublishesTheGoldenOrderPlacedRecordOfSchemaVersion1() {
        OrderPlaced order = CheckoutService.order(ORDER_ID, CART,
                List.of(quote("Oak Lamp", "12.50", "EUR"), quote("Fountain Pen", "0.99", "EUR")),
                CUSTOMER_ID, "ada@example.com", Instant.parse("2025-03-01T10:15:30.123456Z"));

        assertEquals(new BigDecimal("27.97"), order.total());
        Golden.assertSameJson("order-placed-v1.json", serialize(order));
    }

    @Test
    void theTotalIsRoundedToTheCurrencysMinorUnit() {
        StoredCart cart = new StoredCart("c", CUSTOMER_ID, List.of(new StoredLine("KIT-0042", 3, null, 1)));
        OrderPlaced order = CheckoutService.order(ORDER_ID, cart, List.of(quote("Lamp", "0.125", "EUR")),
                CUSTOMER_ID, "ada@example.com", Instant.EPOCH);
        assertEquals(new BigDecimal("0.38"), order.total());
    }

    @Test
    void aCartThatMixesCurrenciesIsRefused() {
        StoredCart cart = new StoredCart("c", CUSTOMER_ID,
                List.of(new StoredLine("KIT-0042", 1, null, 1), new StoredLine("OFF-0007", 1, null, 2)));
        ProblemException refused = assertThrows(ProblemException.class, () -> CheckoutService.order(ORDER_ID, cart,
                List.of(quote("Lamp", "1.00", "EUR"), quote("Pen", "1.00", "USD")), CUSTOMER_ID, "a@b.c",
                Instant.EPOCH));
        assertEquals(422, refused.status());
    }
}
