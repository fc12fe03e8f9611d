package dev.bricks.contracts.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CatalogHeadersTest {

    @Test
    void theAnsweringGenerationTravelsInTheXCatalogGenerationHeader() {
        assertEquals("X-Catalog-Generation", CatalogHeaders.GENERATION);
    }
}
