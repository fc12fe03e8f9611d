package dev.bricks.cart.checkout;

import dev.bricks.cart.CartConfig;
import dev.bricks.cart.cart.CartIds;
import dev.bricks.cart.catalog.ProductPrices;
import dev.bricks.cart.pricing.CartPricing;
import dev.bricks.cart.pricing.PriceQuote;
import dev.bricks.cart.store.CheckoutStore;
import dev.bricks.cart.store.CheckoutStore.Claim;
import dev.bricks.cart.store.CheckoutStore.State;
import dev.bricks.cart.store.StoredCart;
import dev.bricks.cart.store.StoredLine;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.contracts.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Checkout, exactly once per cart content: a Redis claim decides the order id and which request
 * publishes; that request re-prices every line, publishes {@link OrderPlaced} and waits for the
 * broker's ack, then marks the checkout published and empties the cart in one script. Concurrent
 * requests wait for that outcome; a retry after success answers the same order id; a failure
 * leaves the cart as it was and the same order id for the next attempt.
 */
@ApplicationScoped
public class CheckoutService {

    private static final Logger LOG = Logger.getLogger(CheckoutService.class);
    private static final long POLL_MILLIS = 100;

    private final CheckoutStore checkouts;
    private final ProductPrices prices;
    private final OrderPublisher publisher;
    private final CartConfig config;
    private final MeterRegistry metrics;

    CheckoutService(CheckoutStore checkouts, ProductPrices prices, OrderPublisher publisher, CartConfig config,
            MeterRegistry metrics) {
        this.checkouts = checkouts;
        this.prices = prices;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /** @return the order id, once the order is on the broker */
    public String checkout(String cartId, String customerId, String email) {
        if (!CartIds.isWellFormed(cartId)) {
            throw ProblemException.notFound("no cart " + cartId);
        }
        String token = UUID.randomUUID().toString();
        Claim claim = checkouts.claim(cartId, customerId, UUID.randomUUID().toString(), token);
        return switch (claim.outcome()) {
            case MISSING -> throw ProblemException.notFound("no cart " + cartId);
            case EMPTY -> throw ProblemException.conflict("cart " + cartId + " is empty; add a product first");
            case PUBLISHED -> claim.orderId();
            case BUSY -> awaitOtherAttempt(cartId, claim.orderId());
            case WON -> publish(cartId, customerId, email, claim, token);
        };
    }

    private String publish(String cartId, String customerId, String email, Claim claim, String token) {
        try {
            OrderPlaced order = order(claim.orderId(), claim.cart(), customerId, email);
            publisher.publish(order);
        } catch (ProblemException e) {
            checkouts.fail(cartId, token);
            count("rejected");
            throw e;
        } catch (RuntimeException e) {
            checkouts.fail(cartId, token);
            count("broker-unavailable");
            LOG.warnf("order %s of cart %s not acknowledged by Kafka: %s", claim.orderId(), cartId, e.toString());
            throw ProblemException.unavailable("the order could not be handed over right now; the cart is unchanged,"
                    + " try again shortly", config.checkout().retryAfterSeconds());
        }
        if (!checkouts.complete(cartId, token)) {
            // our lease ran out and another attempt took over: it publishes the same order id
            LOG.warnf("checkout of cart %s was taken over while publishing order %s", cartId, claim.orderId());
        }
        count("published");
        return claim.orderId();
    }

    private OrderPlaced order(String orderId, StoredCart cart, String customerId, String email) {
        return order(orderId, cart, reprice(cart), customerId, email, Instant.now());
    }

    /**
     * The record a checkout publishes (schema version 1): the cart's lines at their fresh prices
     * ({@code quotes}, in line order, all of one generation), the total rounded to the currency's
     * minor unit. A cart that mixes currencies is refused with 422.
     */
    static OrderPlaced order(String orderId, StoredCart cart, List<PriceQuote> quotes, String customerId, String email,
            Instant placedAt) {
        List<OrderPlaced.Line> lines = new ArrayList<>();
        String currency = quotes.get(0).unitPrice().currency();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < cart.lines().size(); i++) {
            StoredLine line = cart.lines().get(i);
            PriceQuote quote = quotes.get(i);
            if (!currency.equals(quote.unitPrice().currency())) {
                throw ProblemException.unprocessable("the cart mixes currencies (" + currency + ", "
                        + quote.unitPrice().currency() + " for sku " + line.sku() + "); remove one of them");
            }
            lines.add(new OrderPlaced.Line(line.sku(), quote.name(), quote.unitPrice().amount(), line.quantity()));
            total = total.add(CartPricing.lineTotal(quote.unitPrice().amount(), line.quantity()));
        }
        return new OrderPlaced(OrderPlaced.SCHEMA_VERSION, orderId, cart.id(), customerId, email, List.copyOf(lines),
                Money.round(total, currency), currency, quotes.get(0).generation(), placedAt);
    }

    /**
     * Every line from the catalog, all from one catalogue generation: if a cutover happens while
     * pricing, price again once (the second pass sees only the new generation).
     */
    private List<PriceQuote> reprice(StoredCart cart) {
        for (int pass = 0; pass < 2; pass++) {
            List<PriceQuote> quotes = new ArrayList<>();
            for (StoredLine line : cart.lines()) {
                try {
                    quotes.add(prices.forCheckout(line.sku()));
                } catch (ProductPrices.UnknownProduct e) {
                    throw ProblemException.unprocessable("sku " + line.sku()
                            + " is no longer in the catalogue; remove it from the cart");
                } catch (ProductPrices.Unavailable e) {
                    throw ProblemException.unavailable("the catalog cannot price the cart right now; try again shortly",
                            config.catalog().retryAfterSeconds());
                }
            }
            if (quotes.stream().mapToLong(PriceQuote::generation).distinct().count() == 1) {
                return quotes;
            }
        }
        throw ProblemException.unavailable("the catalogue is switching generations; try again shortly", 1);
    }

    /**
     * Another request holds the checkout: wait a little for its outcome. Not for its whole lease:
     * when its replica died, the lease runs on, and a request waiting for it would outlive the
     * client's and the gateway's timeouts; a 503 with Retry-After lets the client come back.
     */
    private String awaitOtherAttempt(String cartId, String orderId) {
        long deadline = System.nanoTime() + config.checkout().awaitOther().toNanos();
        while (System.nanoTime() < deadline) {
            Optional<State> state = stateOrEmpty(cartId);
            if (state.isPresent() && state.get() == State.PUBLISHED) {
                return orderId;
            }
            if (state.isEmpty() || state.get() == State.FAILED) {
                break;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw ProblemException.unavailable("another checkout of this cart did not complete; try again shortly",
                config.checkout().retryAfterSeconds());
    }

    private Optional<State> stateOrEmpty(String cartId) {
        try {
            return checkouts.state(cartId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private void count(String outcome) {
        metrics.counter("bricks.cart.checkouts", "outcome", outcome).increment();
    }
}
