package dev.bricks.customer.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /**
     * An unknown e-mail and a wrong password take the same time (roughly): both are one bcrypt check
     * of the configured cost, so timing does not tell which e-mails have an account.
     */
    @Test
    void anUnknownAccountIsCheckedAtTheCostOfARealOne() {
        PasswordHasher costly = new PasswordHasher(11);
        assertEquals(11, PasswordHasher.costOf(costly.hash("correct horse battery")));
        assertEquals(11, costly.costOfAnUnknownAccountsCheck());
        assertEquals(4, hasher.costOfAnUnknownAccountsCheck());
    }

    @Test
    void noAccountNeverMatches() {
        assertFalse(hasher.matches("not-a-password-of-anyone", null));
    }

    /**
     * Hashes made by other bcrypt implementations, not by the hasher under test: the published
     * test vectors of OpenBSD's bcrypt (as in jBCrypt's test suite), and the same hashes with the
     * $2y$ (PHP, htpasswd) and $2b$ (OpenBSD since 2014) prefixes, which name the same algorithm.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
        "abcdefghijklmnopqrstuvwxyz|$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC",
        "~!@#$%^&*()      ~!@#$%^&*()PNBFRD|$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO",
        "abc|$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i",
        "abc|$2b$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i" })
    void hashesMadeElsewhereAreAccepted(String password, String hash) {
        assertTrue(PasswordHasher.isBcryptHash(hash), hash);
        assertTrue(hasher.matches(password, hash), password);
        assertFalse(hasher.matches(password + "x", hash));
    }

    @Test
    void passwordsLongerThan72BytesDoNotFitBcrypt() {
        assertTrue(PasswordHasher.fitsBcrypt("x".repeat(72)));
        assertFalse(PasswordHasher.fitsBcrypt("x".repeat(73)));
        assertFalse(PasswordHasher.fitsBcrypt("é".repeat(37)));
        assertFalse(PasswordHasher.isBcryptHash("plain"));
    }
}
