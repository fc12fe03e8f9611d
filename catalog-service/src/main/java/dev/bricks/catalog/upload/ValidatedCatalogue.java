package dev.bricks.catalog.upload;

import dev.bricks.contracts.catalog.Product;
import java.util.List;

/** An upload that passed validation: its products in upload order and their checksum. */
public record ValidatedCatalogue(List<Product> products, String checksum) {
}
