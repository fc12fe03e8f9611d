package dev.bricks.cart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.cart.CartConfig;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Carts in Redis. Every change is one Lua script: Redis runs a script alone, so the ownership
 * check, the line limit, the change, the TTL and the sweep index move together and two replicas
 * changing one cart at the same moment both land (different lines) or the later one wins (same
 * line) — nothing is half-done or lost. A single HSET could not check owner and limit;
 * MULTI/WATCH would make concurrent shoppers retry in a loop.
 */
@ApplicationScoped
public class CartStore {

    /** What a change script answered. */
    public enum Outcome { OK, MISSING, BUSY, FULL, UNPRICED, CURRENCY }

    /** {@code cart} is set for OK; {@code cartCurrency} for CURRENCY (the currency the cart is in). */
    public record Change(Outcome outcome, StoredCart cart, String cartCurrency) {
    }

    private static final LuaScript CREATE = LuaScript.load("create");
    private static final LuaScript READ = LuaScript.readOnly("read");
    private static final LuaScript SET_LINE = LuaScript.load("set_line");
    private static final LuaScript REMOVE_LINE = LuaScript.load("remove_line");

    private final RedisScripts scripts;
    private final CartKeys keys;
    private final CartConfig config;
    private final ObjectMapper json;

    CartStore(RedisScripts scripts, CartKeys keys, CartConfig config, ObjectMapper json) {
        this.scripts = scripts;
        this.keys = keys;
        this.config = config;
        this.json = json;
    }

    /** Creates an empty cart; false in the (2^-64-unlikely) case that the id is taken. */
    public boolean create(String cartId, String subject) {
        Response reply = scripts.run(CREATE, List.of(keys.cart(cartId)), subject, ttlMillis());
        return "ok".equals(reply.toString());
    }

    public Change read(String cartId, String subject) {
        return change(cartId, scripts.run(READ, List.of(keys.cart(cartId)), subject));
    }

    /**
     * Sets a line in one round trip: admission, checkout lock, line limit, currency and price are
     * all decided by the script. {@code snapshot} null keeps the line's own last price (catalog
     * unreachable), and a line without one is then UNPRICED.
     */
    public Change setLine(String cartId, String subject, String sku, int quantity, PriceSnapshot snapshot) {
        return change(cartId, scripts.run(SET_LINE, keys.forChange(cartId), subject, cartId, sku,
                Integer.toString(quantity), snapshot == null ? "" : write(snapshot),
                Integer.toString(config.maxLines()), ttlMillis()));
    }

    public Change removeLine(String cartId, String subject, String sku) {
        return change(cartId, scripts.run(REMOVE_LINE, keys.forChange(cartId), subject, cartId, sku, ttlMillis()));
    }

    StoredCart parse(String cartId, Response hash) {
        return StoredCart.parse(cartId, hash, json);
    }

    private Change change(String cartId, Response reply) {
        Outcome outcome = Outcome.valueOf(reply.get(0).toString().toUpperCase());
        return new Change(outcome, outcome == Outcome.OK ? parse(cartId, reply.get(1)) : null,
                outcome == Outcome.CURRENCY ? reply.get(1).toString() : null);
    }

    private String ttlMillis() {
        return Long.toString(config.ttl().toMillis());
    }

    private String write(PriceSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
