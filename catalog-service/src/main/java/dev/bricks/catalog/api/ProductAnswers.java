package dev.bricks.catalog.api;

import dev.bricks.catalog.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** What the REST resource and the cached-read route put alike into a product answer. */
@ApplicationScoped
public class ProductAnswers {

    /** The content type of a product (bytes written as they are), as the REST layer wrote it before. */
    static final String PRODUCT_JSON = "application/json";
    /** The content type of a search page (written by Jackson), as the REST layer wrote it before. */
    static final String PAGE_JSON = "application/json;charset=UTF-8";

    private final String productCacheControl;

    public ProductAnswers(CatalogConfig config) {
        // as JAX-RS' CacheControl with a max-age writes it
        this.productCacheControl = "no-transform, max-age=" + config.productMaxAge().toSeconds();
    }

    public String productCacheControl() {
        return productCacheControl;
    }

    /** True when the If-None-Match header (a list, weak tags compared weakly, or *) matches the entity tag. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        int from = 0;
        while (from <= ifNoneMatch.length()) {
            int comma = ifNoneMatch.indexOf(',', from);
            int to = comma < 0 ? ifNoneMatch.length() : comma;
            String tag = ifNoneMatch.substring(from, to).trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
            from = to + 1;
        }
        return false;
    }
}
