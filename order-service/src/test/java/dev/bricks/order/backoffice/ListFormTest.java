package dev.bricks.order.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.problem.ProblemException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListFormTest {

    private static ListForm search(String q) {
        return new ListForm(q, null, null, null, null, null, null);
    }

    @Test
    void theSearchBoxTakesAnEmailOrAnId() {
        assertEquals("ada@example.com", search("Ada@Example.com").filter().email().toLowerCase());
        UUID id = UUID.randomUUID();
        assertEquals(id, search(id.toString()).searchedId().orElseThrow());
        assertEquals(id, search(id.toString()).filter().customerId());
        assertTrue(search("ada@example.com").searchedId().isEmpty());
        assertTrue(search(id.toString()).exportLink().contains("customerId=" + id));
    }

    @Test
    void anythingElseInTheSearchBoxIsA400NamingIt() {
        ProblemException e = assertThrows(ProblemException.class, () -> search("lamp").filter());
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("q:"), e.getMessage());
    }
}
