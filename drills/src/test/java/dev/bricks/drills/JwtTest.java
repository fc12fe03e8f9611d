package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class JwtTest {

    static String token(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    @Test
    void theSubjectIsTheCustomerId() {
        assertEquals("6f1c3f9e-1111-4a4a-8b8b-123456789abc",
                Jwt.subject(token("{\"sub\":\"6f1c3f9e-1111-4a4a-8b8b-123456789abc\",\"groups\":[\"customer\"]}")));
    }

    @Test
    void aTokenWithoutSubjectOrNotAJwtIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Jwt.subject(token("{\"upn\":\"a@example.com\"}")));
        assertThrows(IllegalArgumentException.class, () -> Jwt.subject("not-a-token"));
    }

    @Test
    void aCustomerAsksForANewTokenAMinuteBeforeItsEnd() {
        Customer customer = new Customer("a@example.com", "secret-password");
        assertTrue(customer.needsToken(0));

        customer.signedIn(token("{\"sub\":\"id-1\"}"), 900, 0);
        assertEquals("id-1", customer.id());
        assertFalse(customer.needsToken(839_000_000_000L));
        assertTrue(customer.needsToken(840_000_000_000L));

        customer.forgetToken();
        assertTrue(customer.needsToken(1));
    }
}
