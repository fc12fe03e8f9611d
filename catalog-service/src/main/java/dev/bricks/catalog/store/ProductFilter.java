package dev.bricks.catalog.store;

import java.math.BigDecimal;
import java.util.List;

/** What a product search asks for; a record so that it can be part of a cache key. */
public record ProductFilter(List<String> words, String category, BigDecimal minPrice, BigDecimal maxPrice, Sort sort) {

    public enum Sort {
        NAME, NAME_DESC, PRICE, PRICE_DESC
    }
}
