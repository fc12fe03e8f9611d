package dev.bricks.order.backoffice;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Amounts as a person reads them, with their currency: {@code 1,234.50 EUR} ({@code {o.total.money(o.currency)}}). */
@TemplateExtension
public final class Amounts {

    private Amounts() {
    }

    /** Grouped thousands, the amount's own decimals (the store keeps the currency's), then the currency code. */
    public static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
        format.setMinimumFractionDigits(Math.max(0, amount.scale()));
        format.setMaximumFractionDigits(Math.max(0, amount.scale()));
        return format.format(amount) + (currency == null ? "" : " " + currency.trim());
    }
}
