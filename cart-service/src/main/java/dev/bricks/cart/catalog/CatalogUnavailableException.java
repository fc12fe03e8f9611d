package dev.bricks.cart.catalog;

/** The catalog could not answer (error status, bad answer); counts against the circuit breaker. */
public class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String message) {
        super(message);
    }

    public CatalogUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
