package dev.bricks.catalog.support;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** NDJSON catalogues made by the tests, with SKUs unique to the test that made them. */
public final class TestCatalogues {

    private TestCatalogues() {
    }

    public static String line(String sku, int i) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Test Lamp " + i
                + "\",\"description\":\"A lamp made by a test, number " + i
                + "\",\"category\":\"Lighting " + (i % 7)
                + "\",\"price\":{\"amount\":\"" + (10 + i % 90) + "." + (i % 100 < 10 ? "0" : "") + (i % 100)
                + "\",\"currency\":\"EUR\"},\"attributes\":{\"watt\":\"" + (i % 60) + "\"}}";
    }

    public static String ndjson(String skuPrefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> line(skuPrefix + "-" + i, i))
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
