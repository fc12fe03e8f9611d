package dev.bricks.catalog.browse;

import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.catalog.store.ProductFilter;
import dev.bricks.catalog.store.ProductStore;
import dev.bricks.contracts.catalog.CategoryCount;
import dev.bricks.contracts.catalog.ProductPage;
import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The cached read side. Every cache key starts with the generation number, so a switch of
 * generation can never be answered from an entry of the previous one; old entries simply age out
 * of the bounded caches. A product is cached as its ready-to-send JSON bytes with its ETag.
 */
@ApplicationScoped
public class CatalogReads {

    private final ProductStore store;

    public CatalogReads(ProductStore store) {
        this.store = store;
    }

    @CacheResult(cacheName = "catalog-products")
    public Optional<ProductBody> product(long generation, String sku) {
        return store.productJson(generation, sku).map(json -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            return new ProductBody(bytes, "\"g" + generation + "-" + sha256(bytes).substring(0, 24) + "\"");
        });
    }

    @CacheResult(cacheName = "catalog-pages")
    public ProductPage page(long generation, ProductFilter filter, int page, int size) {
        ProductStore.SearchResult result = store.search(generation, filter, page * size, size);
        return new ProductPage(result.bodies().stream().map(CanonicalProducts::parse).toList(), page, size,
                result.total(), generation);
    }

    @CacheResult(cacheName = "catalog-categories")
    public List<CategoryCount> categories(long generation) {
        return store.categories(generation);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A product's JSON as sent, and its entity tag. */
    public record ProductBody(byte[] json, String etag) {
    }
}
