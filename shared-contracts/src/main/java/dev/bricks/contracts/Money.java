package dev.bricks.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.OptionalInt;

/**
 * An amount in one currency. The amount travels as a decimal string ("12.50") so that no JSON
 * reader turns it into a binary floating-point number.
 *
 * <p>The static methods are the shop's one set of currency rules, as every brick applies them:
 * which codes are ISO 4217 ({@link #isIso4217}), how many decimals a currency has
 * ({@link #minorUnits}, {@link #decimals}, from {@link java.util.Currency}) and how a computed
 * amount is rounded to them ({@link #round}, half-even).
 *
 * @param amount   the amount, scale as written
 * @param currency ISO 4217 code, e.g. "EUR"
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {

    /** An ISO 4217 alphabetic code is three capital letters. */
    public static final String CODE_PATTERN = "[A-Z]{3}";
    /** How a computed amount (a line total, a sum) is brought to the currency's decimals. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    /** Decimals assumed for a code that is not ISO 4217 (never reached by data the bricks validated). */
    static final int DECIMALS_OF_UNKNOWN_CODE = 2;

    /**
     * True for a three-capital-letter code that {@link java.util.Currency} knows (ISO 4217): EUR,
     * JPY, and also codes that have no minor unit such as XAU (gold) or XXX; false for null,
     * "eur", "EURO" or "QQQ".
     */
    public static boolean isIso4217(String code) {
        return currency(code) != null;
    }

    /**
     * The number of decimals of the currency's minor unit (2 for EUR, 0 for JPY, 3 for BHD), or
     * empty when the code is not ISO 4217 or the currency has no minor unit (XAU, XXX): no amount
     * of money can be written in it.
     */
    public static OptionalInt minorUnits(String code) {
        Currency currency = currency(code);
        return currency == null || currency.getDefaultFractionDigits() < 0
                ? OptionalInt.empty()
                : OptionalInt.of(currency.getDefaultFractionDigits());
    }

    /**
     * The number of decimals an amount in this currency is shown with: its minor unit; 0 for an
     * ISO 4217 code without one (XAU); 2 for a code that is not ISO 4217.
     */
    public static int decimals(String code) {
        Currency currency = currency(code);
        if (currency == null) {
            return DECIMALS_OF_UNKNOWN_CODE;
        }
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    /**
     * {@code amount} rounded half-even to the currency's {@link #decimals} ("0.375" EUR → "0.38",
     * "301.0" JPY → "301").
     */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(decimals(currency), ROUNDING);
    }

    private static Currency currency(String code) {
        // Currency.getInstance alone would also take "EUr" for EUR
        if (code == null || code.length() != 3 || !code.matches(CODE_PATTERN)) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
