package dev.bricks.contracts.catalog;

/** HTTP headers of the catalog's public API that other bricks read. */
public final class CatalogHeaders {

    /**
     * On every catalog answer (errors included): the number of the catalogue generation that
     * answered. The cart records it as {@code OrderPlaced.catalogGeneration}.
     */
    public static final String GENERATION = "X-Catalog-Generation";

    private CatalogHeaders() {
    }
}
