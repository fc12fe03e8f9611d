package dev.bricks.order.deadletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecordPeekTest {

    @Test
    void theOrderAndCustomerAreReadFromABrokenRecordWhenTheyAreThere() {
        String id = UUID.randomUUID().toString();
        String value = "{\"schemaVersion\":9,\"orderId\":\"" + id + "\",\"customerId\":\"c-1\","
                + "\"email\":\"ada@example.com\"}";
        assertEquals(new RecordPeek(id, "c-1", "ada@example.com"), RecordPeek.of("k", value));
    }

    @Test
    void anUnreadableRecordFallsBackToAnOrderIdKey() {
        String id = UUID.randomUUID().toString();
        assertEquals(new RecordPeek(id, null, null), RecordPeek.of(id, "{\"orderId\":"));
        assertEquals(new RecordPeek(null, null, null), RecordPeek.of("poison", "not json"));
        assertEquals(new RecordPeek(null, null, null), RecordPeek.of(null, null));
        assertEquals(new RecordPeek(null, null, null), RecordPeek.of(null, "[1,2]"));
        assertEquals(new RecordPeek(null, null, null), RecordPeek.of(null, "{\"orderId\":42,\"email\":\" \"}"));
    }
}
