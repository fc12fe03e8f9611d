package dev.bricks.cart.store;

import dev.bricks.cart.CartConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The Redis key names, all under the configured prefix. */
@ApplicationScoped
public class CartKeys {

    private final String prefix;

    CartKeys(CartConfig config) {
        this.prefix = config.keyPrefix().orElse("");
    }

    public String cart(String cartId) {
        return prefix + "cart:" + cartId;
    }

    public String checkout(String cartId) {
        return prefix + "checkout:" + cartId;
    }

    /** Sorted set: member = cart id, score = epoch ms of its last change. */
    public String touched() {
        return prefix + "carts:touched";
    }

    public String sweepLock() {
        return prefix + "carts:sweep-lock";
    }

    /** cart, checkout marker, touched index: the keys of every script that changes a cart. */
    List<String> forChange(String cartId) {
        return List.of(cart(cartId), checkout(cartId), touched());
    }
}
