package dev.bricks.drills;

/** The kinds of call a shopper load makes; each has its own counters and its own longest gap. */
public enum Kind {
    PRODUCT("product", "GET /api/catalog/products/{sku}"),
    SEARCH("search", "GET /api/catalog/products?q=lamp&size=5"),
    REGISTER("register", "POST /api/customers"),
    SIGN_IN("sign-in", "POST /api/customers/token"),
    NEW_CART("new-cart", "POST /api/carts"),
    CART_CHANGE("cart-change", "PUT /api/carts/{id}/items/{sku}"),
    CHECKOUT("checkout", "POST /api/carts/{id}/checkout");

    private final String label;
    private final String call;

    Kind(String label, String call) {
        this.label = label;
        this.call = call;
    }

    /** Short name used in the report. */
    public String label() {
        return label;
    }

    /** The HTTP call this kind stands for. */
    public String call() {
        return call;
    }

    /**
     * Kinds the load makes steadily, so a long pause between two successes means the shop stopped
     * serving them. Sign-ins happen only at the start and when a token gets old; new carts are
     * made only by the checkout workers, one per checkout, so their pauses follow the checkouts'
     * (a checkout retried for 30 s holds back the next new cart).
     */
    public boolean steady() {
        return this != SIGN_IN && this != NEW_CART;
    }
}
