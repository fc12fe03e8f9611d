package dev.bricks.cart.pricing;

import dev.bricks.cart.store.StoredLine;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.cart.CartLine;
import dev.bricks.contracts.cart.CartView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns stored lines and their price quotes into what the shopper sees: line totals, the cart
 * total in the cart's currency (that of its first priced line), rounded to the currency's minor
 * unit ({@link Money#round}: half-even). A line that cannot be priced in that currency is shown
 * but not counted, and marked stale.
 */
public final class CartPricing {

    private CartPricing() {
    }

    public static CartView view(String cartId, List<StoredLine> lines, Function<StoredLine, PriceQuote> quotes,
            String defaultCurrency) {
        List<PricedLine> priced = lines.stream().map(line -> new PricedLine(line, quotes.apply(line))).toList();
        String currency = priced.stream().filter(p -> p.quote() != null)
                .map(p -> p.quote().unitPrice().currency()).findFirst().orElse(defaultCurrency);
        BigDecimal total = BigDecimal.ZERO;
        int items = 0;
        boolean anyStale = false;
        List<CartLine> shown = new ArrayList<>();
        for (PricedLine p : priced) {
            items += p.line().quantity();
            PriceQuote quote = p.quote();
            if (quote == null) {
                shown.add(new CartLine(p.line().sku(), null, null, p.line().quantity(), null, true));
                anyStale = true;
                continue;
            }
            boolean sameCurrency = currency.equals(quote.unitPrice().currency());
            BigDecimal lineTotal = lineTotal(quote.unitPrice().amount(), p.line().quantity());
            if (sameCurrency) {
                total = total.add(lineTotal);
            }
            boolean stale = quote.stale() || !sameCurrency;
            anyStale |= stale;
            shown.add(new CartLine(p.line().sku(), quote.name(), quote.unitPrice(), p.line().quantity(),
                    new Money(Money.round(lineTotal, quote.unitPrice().currency()), quote.unitPrice().currency()),
                    stale));
        }
        return new CartView(cartId, List.copyOf(shown), new Money(Money.round(total, currency), currency), items,
                anyStale);
    }

    public static BigDecimal lineTotal(BigDecimal unitPrice, int quantity) {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    private record PricedLine(StoredLine line, PriceQuote quote) {
    }
}
