package dev.bricks.contracts;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * An amount in one currency. The amount travels as a decimal string ("12.50") so that no JSON
 * reader turns it into a binary floating-point number.
 *
 * @param amount   the amount, scale as written
 * @param currency ISO 4217 code, e.g. "EUR"
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
}
