package dev.bricks.catalog.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.contracts.catalog.Product;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCatalogueTest {

    private static String checksum(List<Product> products) {
        CanonicalProducts.Checksum checksum = new CanonicalProducts.Checksum();
        products.forEach(checksum::add);
        return checksum.hex();
    }

    @Test
    void demoCatalogueIsDeterministicWithUniqueSkusOverTenCategories() {
        List<Product> products = new DemoCatalogue().products(1200);
        assertEquals(checksum(products), checksum(new DemoCatalogue().products(1200)));
        assertEquals(1200, products.stream().map(Product::sku).distinct().count());
        assertEquals(10, products.stream().map(Product::category).distinct().count());
        assertTrue(products.stream().allMatch(p -> p.price().amount().signum() > 0
                && p.price().currency().equals("EUR")));
        assertEquals(120, products.stream().collect(Collectors.groupingBy(Product::category, Collectors.counting()))
                .values().stream().mapToLong(Long::longValue).min().orElseThrow());
    }
}
