package dev.bricks.cart.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CartIdsTest {

    @Test
    void idsCarry128RandomBitsAsUrlSafeBase64WithoutPadding() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String id = CartIds.next();
            assertEquals(22, id.length());
            assertTrue(id.matches("[A-Za-z0-9_-]+"), id);
            assertEquals(16, Base64.getUrlDecoder().decode(id).length);
            assertTrue(CartIds.isWellFormed(id));
            seen.add(id);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void anythingElseIsNotACartId() {
        assertFalse(CartIds.isWellFormed(null));
        assertFalse(CartIds.isWellFormed("short"));
        assertFalse(CartIds.isWellFormed("AAAAAAAAAAAAAAAAAAAAA="));
        assertFalse(CartIds.isWellFormed("AAAAAAAAAAAAAAAAAAAA/+"));
    }
}
