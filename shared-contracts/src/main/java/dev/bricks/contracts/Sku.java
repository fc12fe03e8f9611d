package dev.bricks.contracts;

import java.util.regex.Pattern;

/**
 * The grammar of a SKU, the same wherever one is accepted: the catalog's upload and the cart's
 * {@code /api/carts/{id}/items/{sku}}. One to 64 characters: letters, digits, '.', '_' or '-',
 * starting with a letter or digit (e.g. {@code KIT-0042}).
 */
public final class Sku {

    /** The grammar as a regular expression that must match the whole SKU (for {@code @Pattern}). */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final int MAX_LENGTH = 64;
    /** The grammar in words, as the cart's 400 states it. */
    public static final String RULE = "must be 1-64 letters, digits, '.', '_' or '-'";
    /** The grammar in words including the first character, as the catalog upload's 400 states it. */
    public static final String RULE_IN_FULL = RULE + ", starting with a letter or digit";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Sku() {
    }

    /** True when {@code sku} is a well-formed SKU (null is not). */
    public static boolean isValid(String sku) {
        return sku != null && COMPILED.matcher(sku).matches();
    }
}
