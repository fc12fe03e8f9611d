package dev.bricks.contracts.cart;

/** Answer of {@code POST /api/carts/{id}/checkout} (202): the order handed to order-service. */
public record CheckoutAccepted(String orderId) {
}
