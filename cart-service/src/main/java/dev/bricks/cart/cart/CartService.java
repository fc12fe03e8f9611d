package dev.bricks.cart.cart;

import dev.bricks.cart.CartConfig;
import dev.bricks.cart.catalog.ProductPrices;
import dev.bricks.cart.pricing.CartPricing;
import dev.bricks.cart.pricing.PriceQuote;
import dev.bricks.cart.store.CartStore;
import dev.bricks.cart.store.CartStore.Change;
import dev.bricks.cart.store.PriceSnapshot;
import dev.bricks.cart.store.StoredCart;
import dev.bricks.contracts.cart.CartView;
import dev.bricks.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;

/** Creating, showing and changing carts; prices come from {@link ProductPrices}. */
@ApplicationScoped
public class CartService {

    private final CartStore store;
    private final ProductPrices prices;
    private final CartConfig config;

    CartService(CartStore store, ProductPrices prices, CartConfig config) {
        this.store = store;
        this.prices = prices;
        this.config = config;
    }

    public CartView create(String subject) {
        String id = CartIds.next();
        while (!store.create(id, subject)) {
            id = CartIds.next();
        }
        return CartPricing.view(id, List.of(), line -> null, config.currency());
    }

    public CartView show(String cartId, String subject) {
        return render(admitted(cartId, subject), Map.of());
    }

    public CartView setLine(String cartId, String subject, String sku, int quantity) {
        requireWellFormed(cartId);
        PriceQuote quote;
        try {
            quote = prices.forChange(sku);
        } catch (ProductPrices.UnknownProduct e) {
            throw ProblemException.unprocessable("sku " + sku + " is not in the catalogue");
        } catch (ProductPrices.Unavailable e) {
            quote = null; // only a line with a known price can change now; the store decides
        }
        PriceSnapshot snapshot = quote == null ? null
                : new PriceSnapshot(quote.name(), quote.unitPrice().amount(), quote.unitPrice().currency());
        Change change = store.setLine(cartId, subject, sku, quantity, snapshot);
        return render(outcome(change, cartId, sku), quote == null ? Map.of() : Map.of(sku, quote));
    }

    public CartView removeLine(String cartId, String subject, String sku) {
        requireWellFormed(cartId);
        return render(outcome(store.removeLine(cartId, subject, sku), cartId, sku), Map.of());
    }

    private StoredCart admitted(String cartId, String subject) {
        requireWellFormed(cartId);
        return outcome(store.read(cartId, subject), cartId, null);
    }

    private StoredCart outcome(Change change, String cartId, String sku) {
        return switch (change.outcome()) {
            case OK -> change.cart();
            case MISSING -> throw notFound(cartId);
            case BUSY -> throw ProblemException.conflict("cart " + cartId
                    + " is being checked out; change it once the checkout has finished");
            case FULL -> throw ProblemException.conflict("cart " + cartId + " already has "
                    + config.maxLines() + " lines, the most a cart may hold");
            case UNPRICED -> throw cannotPrice(sku);
            case CURRENCY -> throw ProblemException.unprocessable("sku " + sku
                    + " is priced in another currency than this cart, which is in " + change.cartCurrency());
        };
    }

    private CartView render(StoredCart cart, Map<String, PriceQuote> known) {
        return CartPricing.view(cart.id(), cart.lines(), line -> known.containsKey(line.sku())
                ? known.get(line.sku()) : prices.forDisplay(line.sku(), line.snapshot()), config.currency());
    }

    private ProblemException cannotPrice(String sku) {
        return ProblemException.unavailable("the catalog cannot price sku " + sku + " right now; try again shortly",
                config.catalog().retryAfterSeconds());
    }

    static void requireWellFormed(String cartId) {
        if (!CartIds.isWellFormed(cartId)) {
            throw notFound(cartId);
        }
    }

    static ProblemException notFound(String cartId) {
        return ProblemException.notFound("no cart " + cartId);
    }
}
