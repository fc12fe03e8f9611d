package dev.bricks.contracts.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Body of {@code PUT /api/carts/{id}/items/{sku}}: the quantity the line should have. */
public record LineQuantity(
        @NotNull @Min(value = MIN, message = "must be between 1 and 99")
        @Max(value = MAX, message = "must be between 1 and 99") Integer quantity) {

    public static final int MIN = 1;
    public static final int MAX = 99;
}
