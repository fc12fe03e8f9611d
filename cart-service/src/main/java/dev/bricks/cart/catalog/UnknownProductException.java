package dev.bricks.cart.catalog;

/** The catalog does not know the SKU (404): not a catalog failure, never retried. */
public class UnknownProductException extends RuntimeException {

    public UnknownProductException() {
        super("unknown product", null, false, false);
    }
}
