package dev.bricks.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.support.NoKafkaProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Browsing the demo catalogue (generation 0) of a replica that runs without any Kafka. */
@QuarkusTest
@TestProfile(NoKafkaProfile.class)
class CatalogBrowsingIT {

    private static JsonPath page(String query) {
        return given().when().get("/api/catalog/products?" + query).then().statusCode(200)
                .header("X-Catalog-Generation", "0").extract().jsonPath();
    }

    private static List<BigDecimal> prices(JsonPath page) {
        return page.getList("items.price.amount", String.class).stream().map(BigDecimal::new).toList();
    }

    @Test
    void replicaWithoutKafkaServesTheEmbeddedDemoCatalogueAndIsReady() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/api/catalog/generations/active").then().statusCode(200)
                .body("number", equalTo(0)).body("state", equalTo("ACTIVE"))
                .body("products", greaterThanOrEqualTo(1000)).body("checksum", notNullValue());
    }

    @Test
    void categoriesCountEveryDemoProductOnce() {
        List<Map<String, Object>> categories = given().when().get("/api/catalog/categories").then().statusCode(200)
                .header("X-Catalog-Generation", "0").extract().jsonPath().getList("$");
        assertTrue(categories.size() >= 8, "about ten categories: " + categories);
        long sum = categories.stream().mapToLong(c -> ((Number) c.get("products")).longValue()).sum();
        assertEquals(page("size=1").getLong("total"), sum);
        for (Map<String, Object> category : categories) {
            assertEquals(((Number) category.get("products")).longValue(),
                    page("size=1&category=" + category.get("name")).getLong("total"));
        }
    }

    @Test
    void searchMatchesEveryWordCaseInsensitivelyInNameOrDescription() {
        JsonPath all = page("size=1");
        String name = given().when().get("/api/catalog/products?size=1&sort=price").then().extract()
                .path("items[0].name");
        String word = name.split(" ")[name.split(" ").length - 1]; // the noun of a real demo product
        JsonPath found = page("size=100&q=" + word.toUpperCase(Locale.ROOT));
        assertTrue(found.getLong("total") >= 1 && found.getLong("total") < all.getLong("total"));
        List<Map<String, Object>> items = found.getList("items");
        for (Map<String, Object> item : items) {
            String text = (item.get("name") + " " + item.get("description")).toLowerCase(Locale.ROOT);
            assertTrue(text.contains(word.toLowerCase(Locale.ROOT)), text);
        }
        String[] otherWords = items.get(0).get("name").toString().split(" ");
        JsonPath both = given().queryParam("q", word + " " + otherWords[0]).queryParam("size", 100)
                .when().get("/api/catalog/products").then().statusCode(200).extract().jsonPath();
        assertTrue(both.getLong("total") >= 1 && both.getLong("total") <= found.getLong("total"),
                "every word must match");
        JsonPath none = given().queryParam("q", word + " zzzunlikelyword").when().get("/api/catalog/products")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(0, none.getLong("total"));
        assertTrue(none.getList("items").isEmpty());
    }

    @Test
    void categoryAndPriceFiltersAndPriceSortsHold() {
        String category = given().when().get("/api/catalog/categories").then().extract().path("[0].name");
        JsonPath ascending = page("size=100&sort=price&minPrice=20&maxPrice=80.5&category=" + category);
        List<BigDecimal> prices = prices(ascending);
        assertFalse(prices.isEmpty());
        for (int i = 0; i < prices.size(); i++) {
            assertTrue(prices.get(i).compareTo(new BigDecimal("20")) >= 0
                    && prices.get(i).compareTo(new BigDecimal("80.5")) <= 0);
            if (i > 0) {
                assertTrue(prices.get(i - 1).compareTo(prices.get(i)) <= 0, "ascending: " + prices);
            }
        }
        assertTrue(ascending.getList("items.category", String.class).stream().allMatch(category::equals));
        List<BigDecimal> descending =
                prices(page("size=100&sort=-price&minPrice=20&maxPrice=80.5&category=" + category));
        for (int i = 1; i < descending.size(); i++) {
            assertTrue(descending.get(i - 1).compareTo(descending.get(i)) >= 0, "descending: " + descending);
        }
        List<String> names = page("size=50&sort=name").getList("items.name", String.class);
        for (int i = 1; i < names.size(); i++) {
            assertTrue(names.get(i - 1).compareTo(names.get(i)) <= 0, "by name: " + names);
        }
    }

    /** Every product of the demo catalogue in one sort order, read a page of {@code size} at a time. */
    private static List<Map<String, Object>> everyPage(String sort, int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int p = 0;; p++) {
            List<Map<String, Object>> page = page("size=" + size + "&page=" + p + "&sort=" + sort).getList("items");
            if (page.isEmpty()) {
                return items;
            }
            items.addAll(page);
        }
    }

    private static BigDecimal price(Map<String, Object> item) {
        return new BigDecimal(((Map<?, ?>) item.get("price")).get("amount").toString());
    }

    @Test
    void descendingPriceListNeverRisesWithinOrAcrossPagesAndPagingNeitherSkipsNorRepeats() {
        long total = page("size=1").getLong("total");
        List<Map<String, Object>> byHundreds = everyPage("-price", 100);
        assertEquals(total, byHundreds.size(), "products listed by -price");
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < byHundreds.size(); i++) {
            assertTrue(skus.add(byHundreds.get(i).get("sku").toString()), "listed twice: " + byHundreds.get(i));
            if (i > 0) {
                assertTrue(price(byHundreds.get(i - 1)).compareTo(price(byHundreds.get(i))) >= 0,
                        "price rises at position " + i + (i % 100 == 0 ? " (a page boundary)" : "") + ": "
                                + byHundreds.get(i - 1) + " then " + byHundreds.get(i));
            }
        }
        List<BigDecimal> ascending = everyPage("price", 100).stream().map(CatalogBrowsingIT::price).toList();
        List<BigDecimal> descending = new ArrayList<>(byHundreds.stream().map(CatalogBrowsingIT::price).toList());
        Collections.reverse(descending);
        assertEquals(ascending, descending, "-price lists the prices of price, reversed");
        // Small pages cut through runs of equal prices: the order of ties must not depend on the page size.
        List<String> bySevens = new ArrayList<>();
        for (int p = 0; bySevens.size() < 105; p++) {
            bySevens.addAll(page("size=7&page=" + p + "&sort=-price").getList("items.sku", String.class));
        }
        assertEquals(byHundreds.subList(0, 105).stream().map(i -> i.get("sku")).toList(), bySevens,
                "the first 105 SKUs by -price, in pages of 7 and of 100");
    }

    @Test
    void pagesAreDisjointAndCoverTheTotal() {
        JsonPath first = page("size=7&page=0&sort=price");
        JsonPath second = page("size=7&page=1&sort=price");
        assertEquals(0, first.getInt("page"));
        assertEquals(7, first.getInt("size"));
        assertEquals(first.getLong("total"), second.getLong("total"));
        Set<String> skus = new HashSet<>(first.getList("items.sku", String.class));
        assertEquals(7, skus.size());
        second.getList("items.sku", String.class).forEach(sku -> assertTrue(skus.add(sku), "seen twice: " + sku));
        long total = first.getLong("total");
        int lastPage = (int) ((total - 1) / 100);
        JsonPath last = page("size=100&page=" + lastPage);
        assertEquals(total - lastPage * 100L, last.getList("items").size());
        assertTrue(page("size=100&page=" + (lastPage + 1)).getList("items").isEmpty());
    }

    @Test
    void badParametersAreA400NamingTheParameter() {
        for (String[] bad : new String[][] { { "size=0", "size" }, { "size=101", "size" }, { "size=x", "size" },
                { "page=-1", "page" }, { "sort=cheapest", "sort" }, { "minPrice=abc", "minPrice" },
                { "minPrice=50&maxPrice=10", "minPrice" } }) {
            given().when().get("/api/catalog/products?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString(bad[1]))
                    .body("errors[0].field", equalTo(bad[1]));
        }
    }

    @Test
    void productHasAnEtagAndAMatchingIfNoneMatchIsA304() {
        String sku = given().when().get("/api/catalog/products?size=1").then().extract().path("items[0].sku");
        Response product = given().when().get("/api/catalog/products/" + sku);
        product.then().statusCode(200).header("X-Catalog-Generation", "0")
                .header("Cache-Control", containsString("max-age"))
                .body("sku", equalTo(sku)).body("price.amount", notNullValue());
        String etag = product.header("ETag");
        assertTrue(etag != null && etag.startsWith("\"g0-"), etag);
        given().header("If-None-Match", etag).when().get("/api/catalog/products/" + sku).then().statusCode(304)
                .header("ETag", etag).header("X-Catalog-Generation", "0");
        given().header("If-None-Match", "\"g0-other\"").when().get("/api/catalog/products/" + sku).then()
                .statusCode(200);
    }

    @Test
    void openApiDocumentsTheCatalogApi() {
        String openapi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        for (String path : List.of("/api/catalog/products", "/api/catalog/products/{sku}", "/api/catalog/categories",
                "/api/catalog/generations", "/api/catalog/generations/active")) {
            assertTrue(openapi.contains("\"" + path + "\""), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc", "99999999999999999999", "-1", "1.5", "99999" })
    void anUnknownOrMalformedGenerationNumberIsA404ProblemNamingIt(String number) {
        given().when().get("/api/catalog/generations/" + number).then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("this replica knows no generation " + number));
    }

    @Test
    void unknownRoutesAndMethodsAreProblems() {
        given().when().get("/api/catalog/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("there is no resource at this path"));
        given().when().delete("/api/catalog/products/KIT-0001").then().statusCode(405)
                .contentType("application/problem+json")
                .body("detail", equalTo("this resource does not support this HTTP method"));
    }

    @Test
    void unknownProductIsA404Problem() {
        given().when().get("/api/catalog/products/NO-SUCH-SKU").then().statusCode(404)
                .contentType("application/problem+json").header("X-Catalog-Generation", "0")
                .body("detail", containsString("NO-SUCH-SKU"));
    }

    /** The value of {@code cache_gets_total} for this cache and result, 0 while the series is absent. */
    private static double cacheGets(String cache, String result) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("cache_gets_total{"))
                .filter(line -> line.contains("cache=\"" + cache + "\"") && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aRepeatedProductRequestIsACacheHitAndTheFirstAMissInTheMetrics() {
        // a product no other test asks for: its first request cannot be a hit
        String sku = given().when().get("/api/catalog/products?size=1&page=3&sort=-name").then().extract()
                .path("items[0].sku");
        double hits = cacheGets("catalog-products", "hit");
        double misses = cacheGets("catalog-products", "miss");
        given().when().get("/api/catalog/products/" + sku).then().statusCode(200);
        assertEquals(misses + 1, cacheGets("catalog-products", "miss"), "the first request of " + sku + " misses");
        assertEquals(hits, cacheGets("catalog-products", "hit"), "the first request of " + sku + " is no hit");
        given().when().get("/api/catalog/products/" + sku).then().statusCode(200);
        given().when().get("/api/catalog/products/" + sku).then().statusCode(200);
        assertEquals(hits + 2, cacheGets("catalog-products", "hit"), "the repeated requests of " + sku + " hit");
        assertEquals(misses + 1, cacheGets("catalog-products", "miss"), "and miss no more");
        System.out.printf("cache catalog-products: hits %.0f -> %.0f, misses %.0f -> %.0f%n", hits,
                cacheGets("catalog-products", "hit"), misses, cacheGets("catalog-products", "miss"));

        double pageHits = cacheGets("catalog-pages", "hit");
        given().when().get("/api/catalog/products?size=3&page=2&sort=-price").then().statusCode(200);
        given().when().get("/api/catalog/products?size=3&page=2&sort=-price").then().statusCode(200);
        assertTrue(cacheGets("catalog-pages", "hit") >= pageHits + 1, "a repeated search is a hit");
        assertTrue(given().when().get("/q/metrics").then().extract().asString()
                .contains("catalog_generation_active"), "generation gauge");
    }
}
