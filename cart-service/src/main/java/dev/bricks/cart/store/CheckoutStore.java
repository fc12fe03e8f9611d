package dev.bricks.cart.store;

import dev.bricks.cart.CartConfig;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

/**
 * The checkout marker {@code checkout:{cartId}} (a hash: orderId, state pending|failed|published,
 * token and leaseUntil of the attempt in flight). It makes concurrent and retried checkouts of
 * one cart agree on one order id and lets only one of them publish at a time.
 */
@ApplicationScoped
public class CheckoutStore {

    public enum ClaimOutcome { MISSING, EMPTY, PUBLISHED, BUSY, WON }

    /** {@code cart} is set only for WON: the cart as it was when the claim was made. */
    public record Claim(ClaimOutcome outcome, String orderId, StoredCart cart) {
    }

    public enum State { PENDING, FAILED, PUBLISHED }

    private static final LuaScript CLAIM = LuaScript.load("checkout_claim");
    private static final LuaScript COMPLETE = LuaScript.load("checkout_complete");
    private static final LuaScript FAIL = LuaScript.load("checkout_fail");

    private final RedisDataSource redis;
    private final RedisScripts scripts;
    private final CartKeys keys;
    private final CartStore carts;
    private final CartConfig config;

    CheckoutStore(RedisDataSource redis, RedisScripts scripts, CartKeys keys, CartStore carts, CartConfig config) {
        this.redis = redis;
        this.scripts = scripts;
        this.keys = keys;
        this.carts = carts;
        this.config = config;
    }

    public Claim claim(String cartId, String subject, String candidateOrderId, String token) {
        Response reply = scripts.run(CLAIM, List.of(keys.cart(cartId), keys.checkout(cartId)), subject,
                candidateOrderId, token, Long.toString(config.checkout().lease().toMillis()), rememberMillis());
        ClaimOutcome outcome = ClaimOutcome.valueOf(reply.get(0).toString().toUpperCase());
        String orderId = reply.size() > 1 ? reply.get(1).toString() : null;
        StoredCart cart = outcome == ClaimOutcome.WON ? carts.parse(cartId, reply.get(2)) : null;
        return new Claim(outcome, orderId, cart);
    }

    /** After the broker's ack: published, and the cart emptied. False if another attempt took over. */
    public boolean complete(String cartId, String token) {
        Response reply = scripts.run(COMPLETE, keys.forChange(cartId), token, cartId, rememberMillis());
        return "published".equals(reply.toString());
    }

    public void fail(String cartId, String token) {
        scripts.run(FAIL, List.of(keys.checkout(cartId)), token);
    }

    public Optional<State> state(String cartId) {
        Response state = redis.execute("HGET", keys.checkout(cartId), "state");
        return state == null ? Optional.empty() : Optional.of(State.valueOf(state.toString().toUpperCase()));
    }

    private String rememberMillis() {
        return Long.toString(config.checkout().rememberFor().toMillis());
    }
}
