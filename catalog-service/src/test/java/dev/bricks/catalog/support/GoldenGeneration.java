package dev.bricks.catalog.support;

import dev.bricks.contracts.Money;
import dev.bricks.contracts.catalog.Product;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The upload behind the golden samples {@code golden/generation-chunk-v1.json} and
 * {@code golden/generation-commit-v1.json} (shared-contracts' test-jar): what the publisher is
 * given and what the feed must read back.
 */
public final class GoldenGeneration {

    public static final String CHUNK = "generation-chunk-v1.json";
    public static final String COMMIT = "generation-commit-v1.json";

    public static final String UPLOAD_ID = "3f0c6a1e9b2d4c5a8e7f6d5c4b3a2910";
    public static final List<Product> PRODUCTS = List.of(
            new Product("KIT-0042", "Oak Lamp", "Table lamp in oiled oak.", "Kitchen",
                    new Money(new BigDecimal("12.50"), "EUR"), Map.of("colour", "oat", "material", "oak")),
            new Product("OFF-0007", "Fountain Pen", "Steel nib, refillable.", "Office",
                    new Money(new BigDecimal("0.99"), "EUR"), null));
    public static final Instant ACTIVATE_AT = Instant.parse("2025-03-01T10:00:00Z");
    public static final String CHECKSUM = "2cbab4bd7d9ad66dcb633c38868228feb0a40a35329cc522483742a5ffa0dd49";
    public static final String UPLOADED_BY = "staff@example.com";
    public static final Instant UPLOADED_AT = Instant.parse("2025-03-01T09:58:12.345Z");

    private GoldenGeneration() {
    }
}
