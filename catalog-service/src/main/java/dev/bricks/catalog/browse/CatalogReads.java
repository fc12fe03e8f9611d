package dev.bricks.catalog.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.catalog.store.ProductFilter;
import dev.bricks.catalog.store.ProductStore;
import dev.bricks.contracts.catalog.CategoryCount;
import dev.bricks.contracts.catalog.ProductPage;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CaffeineCache;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The cached read side. Every cache key starts with the generation number, so a switch of
 * generation can never be answered from an entry of the previous one; old entries simply age out
 * of the bounded caches. Products and search pages are cached as their ready-to-send JSON bytes
 * (a product with its ETag), so that a hit costs no serialization: {@code cached*} only look
 * (no I/O, safe on the event loop), {@code product}/{@code page} read H2 and fill the cache.
 */
@ApplicationScoped
public class CatalogReads {

    private final ProductStore store;
    private final ObjectMapper json;
    private final CaffeineCache products;
    private final CaffeineCache pages;

    public CatalogReads(ProductStore store, ObjectMapper json, @CacheName("catalog-products") Cache products,
            @CacheName("catalog-pages") Cache pages) {
        this.store = store;
        this.json = json;
        this.products = products.as(CaffeineCache.class);
        this.pages = pages.as(CaffeineCache.class);
    }

    /** The cached product, if this generation's answer for this SKU is in the cache (counted as hit or miss). */
    public Optional<ProductBody> cachedProduct(long generation, String sku) {
        return Optional.ofNullable(ready(products.getIfPresent(new ProductKey(generation, sku))));
    }

    /** Reads the product from H2 and caches its answer; empty (not cached) for an unknown SKU. */
    public Optional<ProductBody> product(long generation, String sku) {
        Optional<ProductBody> body = store.productJson(generation, sku).map(json -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            String etag = "\"g" + generation + "-" + sha256(bytes).substring(0, 24) + "\"";
            return new ProductBody(Buffer.buffer(bytes), etag);
        });
        body.ifPresent(b -> products.put(new ProductKey(generation, sku), CompletableFuture.completedFuture(b)));
        return body;
    }

    /** The cached page, if this generation's answer for this search is in the cache (counted as hit or miss). */
    public Optional<PageBody> cachedPage(long generation, ProductFilter filter, int page, int size) {
        return Optional.ofNullable(ready(pages.getIfPresent(new PageKey(generation, filter, page, size))));
    }

    /** Runs the search on H2 and caches the page as JSON. */
    public PageBody page(long generation, ProductFilter filter, int page, int size) {
        ProductStore.SearchResult result = store.search(generation, filter, page * size, size);
        ProductPage answer = new ProductPage(result.bodies().stream().map(CanonicalProducts::parse).toList(), page,
                size, result.total(), generation);
        PageBody body;
        try {
            body = new PageBody(Buffer.buffer(json.writeValueAsBytes(answer)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a product page", e);
        }
        pages.put(new PageKey(generation, filter, page, size), CompletableFuture.completedFuture(body));
        return body;
    }

    @CacheResult(cacheName = "catalog-categories")
    public List<CategoryCount> categories(long generation) {
        return store.categories(generation);
    }

    @SuppressWarnings("unchecked")
    private static <T> T ready(CompletableFuture<?> entry) {
        // entries are put complete; anything else counts as absent rather than blocking the caller
        return entry == null ? null : (T) entry.getNow(null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record ProductKey(long generation, String sku) {
    }

    private record PageKey(long generation, ProductFilter filter, int page, int size) {
    }

    /** A product's JSON as sent (read-only, shared by every answer), and its entity tag. */
    public record ProductBody(Buffer json, String etag) {
    }

    /** A search page's JSON as sent (read-only, shared by every answer). */
    public record PageBody(Buffer json) {
    }
}
