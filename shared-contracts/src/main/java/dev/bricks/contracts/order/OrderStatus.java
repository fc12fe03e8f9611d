package dev.bricks.contracts.order;

/** Where an order is in its life: PLACED by checkout, then FULFILLED or CANCELLED by staff (final). */
public enum OrderStatus {
    PLACED, FULFILLED, CANCELLED
}
