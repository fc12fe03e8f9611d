package dev.bricks.cart.cart;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** Cart ids: 128 random bits from a SecureRandom, base64url without padding (22 characters). */
public final class CartIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22}");

    private CartIds() {
    }

    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    public static boolean isWellFormed(String id) {
        return id != null && WELL_FORMED.matcher(id).matches();
    }
}
