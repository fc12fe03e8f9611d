package dev.bricks.customer.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(4);

    @Test
    void aHashMatchesItsPasswordOnly() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(PasswordHasher.isBcryptHash(hash), hash);
        assertFalse(hash.contains("correct"));
        assertTrue(hasher.matches("correct horse battery", hash));
        assertFalse(hasher.matches("correct horse batterY", hash));
    }

    @Test
    void twoHashesOfOnePasswordDiffer() {
        assertNotEquals(hasher.hash("correct horse battery"), hasher.hash("correct horse battery"));
    }

    @Test
    void noAccountNeverMatches() {
        assertFalse(hasher.matches("not-a-password-of-anyone", null));
    }

    @Test
    void hashesMadeElsewhereAreAccepted() {
        // htpasswd -nbBC 4 x 'staff-password' ($2y$ prefix)
        String hash = hasher.hash("staff-password").replaceFirst("^\\$2a\\$", "\\$2y\\$");
        assertTrue(PasswordHasher.isBcryptHash(hash));
        assertTrue(hasher.matches("staff-password", hash));
    }

    @Test
    void passwordsLongerThan72BytesDoNotFitBcrypt() {
        assertTrue(PasswordHasher.fitsBcrypt("x".repeat(72)));
        assertFalse(PasswordHasher.fitsBcrypt("x".repeat(73)));
        assertFalse(PasswordHasher.fitsBcrypt("é".repeat(37)));
        assertFalse(PasswordHasher.isBcryptHash("plain"));
    }
}
