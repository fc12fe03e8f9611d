package dev.bricks.cart.store;

import java.math.BigDecimal;

/** The last price a line was given, kept with the line so that any replica can show it. */
public record PriceSnapshot(String name, BigDecimal amount, String currency) {
}
