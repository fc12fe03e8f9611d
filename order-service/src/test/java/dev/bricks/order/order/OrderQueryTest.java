package dev.bricks.order.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderStatus;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.store.OrderFilter;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrderQueryTest {

    private static String badField(Runnable parse) {
        ProblemException e = assertThrows(ProblemException.class, parse::run);
        assertEquals(400, e.status());
        return e.toProblem().errors().get(0).field();
    }

    @Test
    void sizeOutsideOneToAHundredIsABadRequestNamingSize() {
        assertEquals(20, OrderQuery.size(null));
        assertEquals(100, OrderQuery.size("100"));
        assertEquals("size", badField(() -> OrderQuery.size("0")));
        assertEquals("size", badField(() -> OrderQuery.size("101")));
        assertEquals("size", badField(() -> OrderQuery.size("ten")));
        assertEquals("page", badField(() -> OrderQuery.page("-1")));
    }

    @Test
    void aPageWhoseOffsetDoesNotFitAnIntIsABadRequestNamingPage() {
        assertEquals(0, OrderQuery.page(null));
        assertEquals(OrderQuery.MAX_PAGE, OrderQuery.page(Integer.toString(OrderQuery.MAX_PAGE)));
        assertTrue((long) OrderQuery.MAX_PAGE * OrderQuery.MAX_SIZE <= Integer.MAX_VALUE);
        assertEquals("page", badField(() -> OrderQuery.page(Integer.toString(OrderQuery.MAX_PAGE + 1))));
        assertEquals("page", badField(() -> OrderQuery.page("2147483647")));
        assertEquals("page", badField(() -> OrderQuery.page("2147483648")));
        assertEquals("page", badField(() -> OrderQuery.page("99999999999999999999")));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "0000-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "0000-01-01", "9999-12-31T23:00:00-05:00" })
    void anInstantOutsideTheYearsOneToNineThousandNineHundredNinetyNineIsABadRequestNamingIt(String value) {
        assertEquals("from", badField(() -> OrderQuery.instant("from", value)));
        assertEquals("to", badField(() -> OrderQuery.filter(null, null, null, null, null, value)));
    }

    @Test
    void theFirstAndLastInstantsOfTheYearsOneToNineThousandNineHundredNinetyNineAreAccepted() {
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"), OrderQuery.instant("from", "0001-01-01"));
        assertEquals(Instant.parse("9999-12-31T23:59:59.999999999Z"),
                OrderQuery.instant("to", "9999-12-31T23:59:59.999999999Z"));
        assertEquals(Instant.parse("9999-12-31T00:00:00Z"), OrderQuery.instant("to", "9999-12-31"));
    }

    @Test
    void filtersAreParsedAndBadOnesNamed() {
        OrderFilter filter = OrderQuery.filter("fulfilled", "0b7e2a52-3b8a-4c1e-9f0e-7a5e2d8c4b21", " a@b.c ", "",
                "2025-03-01", "2025-03-02T00:00:00Z");
        assertEquals(OrderStatus.FULFILLED, filter.status());
        assertEquals("a@b.c", filter.email());
        assertNull(filter.sku());
        assertEquals(Instant.parse("2025-03-01T00:00:00Z"), filter.from());
        assertEquals("status", badField(() -> OrderQuery.filter("SHIPPED", null, null, null, null, null)));
        assertEquals("customerId", badField(() -> OrderQuery.filter(null, "42", null, null, null, null)));
        assertEquals("from", badField(() -> OrderQuery.filter(null, null, null, null, "yesterday", null)));
        assertEquals("to", badField(() -> OrderQuery.filter(null, null, null, null, "2025-03-02", "2025-03-01")));
    }

    @Test
    void csvFieldsAreQuotedAndFormulasDefused() {
        assertEquals("plain", OrderCsv.field("plain"));
        assertEquals("\"a,b\"", OrderCsv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", OrderCsv.field("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", OrderCsv.field("=HYPERLINK(1)"));
        assertEquals("-1.50", OrderCsv.field("-1.50"));
    }
}
