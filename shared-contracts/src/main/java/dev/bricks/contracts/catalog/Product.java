package dev.bricks.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bricks.contracts.Money;
import java.util.Map;

/**
 * A product as the catalog's public API shows it ({@code GET /api/catalog/products/{sku}}) and as
 * the cart brick reads it to price a line.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Product(String sku, String name, String description, String category, Money price,
        Map<String, String> attributes) {
}
