package dev.bricks.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.support.NoKafkaProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.Header;
import io.restassured.response.Response;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cached-read route: a product or a search page already cached for the active generation is
 * answered on the event loop with exactly what the REST resource answered the first time; anything
 * else (a miss, an error) is still the resource's.
 */
@QuarkusTest
@TestProfile(NoKafkaProfile.class)
class CachedReadRouteIT {

    /** How many answers the route wrote from the cache ({@code catalog_cached_answers_total}), by read. */
    private static double routeAnswers(String read) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("catalog_cached_answers_total{"))
                .filter(line -> line.contains("read=\"" + read + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        for (Header header : response.headers()) {
            headers.merge(header.getName().toLowerCase(Locale.ROOT), header.getValue(), (a, b) -> a + ", " + b);
        }
        return headers;
    }

    /** A product no other test of this profile asks for, so that its first request is a miss. */
    private static String unrequestedSku(int page) {
        return given().when().get("/api/catalog/products?size=1&sort=-price&page=" + page).then().statusCode(200)
                .extract().path("items[0].sku");
    }

    @Test
    void aRepeatedProductIsAnsweredFromTheCacheWithTheBytesAndHeadersOfTheResourcesAnswer() {
        String path = "/api/catalog/products/" + unrequestedSku(11);
        double before = routeAnswers("product");
        Response first = given().when().get(path);
        first.then().statusCode(200);
        assertEquals(before, routeAnswers("product"), "the first request is a miss: the resource answers it");
        Response second = given().when().get(path);
        second.then().statusCode(200);
        assertEquals(before + 1, routeAnswers("product"), "the second request is answered by the route");
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        assertEquals(headers(first), headers(second));
        assertEquals("0", second.header("X-Catalog-Generation"));
        assertTrue(second.header("ETag").startsWith("\"g0-"), second.header("ETag"));
        assertTrue(second.header("Cache-Control").contains("max-age=30"), second.header("Cache-Control"));
        assertTrue(second.header("Content-Type").startsWith("application/json"), second.header("Content-Type"));
    }

    @Test
    void aMatchingIfNoneMatchOnACachedProductIsA304WithTheResourcesHeaders() {
        String path = "/api/catalog/products/" + unrequestedSku(12);
        Response first = given().when().get(path);
        String etag = first.then().statusCode(200).extract().header("ETag");
        double before = routeAnswers("product");
        Response notModified = given().header("If-None-Match", "\"other\", W/" + etag).when().get(path);
        notModified.then().statusCode(304).header("ETag", etag).header("X-Catalog-Generation", "0")
                .header("Cache-Control", containsString("max-age=30"));
        assertEquals(0, notModified.asByteArray().length);
        assertEquals(before + 1, routeAnswers("product"), "answered by the route");
        Map<String, String> expected = headers(first);
        expected.keySet().removeAll(Set.of("content-type", "content-length"));
        Map<String, String> actual = headers(notModified);
        actual.remove("content-length");
        assertEquals(expected, actual, "the headers of the 200 but those of its body");
        given().header("If-None-Match", "\"g0-other\"").when().get(path).then().statusCode(200)
                .header("ETag", etag);
        given().header("If-None-Match", "*").when().get(path).then().statusCode(304);
    }

    @Test
    void aRepeatedSearchIsAnsweredFromTheCacheWithTheBytesAndHeadersOfTheResourcesAnswer() {
        String path = "/api/catalog/products?q=premium&sort=-price&page=2&size=7";
        double before = routeAnswers("search");
        Response first = given().when().get(path);
        first.then().statusCode(200).body("generation", equalTo(0)).body("size", equalTo(7));
        assertEquals(before, routeAnswers("search"), "the first search is a miss: the resource answers it");
        Response second = given().when().get(path);
        second.then().statusCode(200);
        assertEquals(before + 1, routeAnswers("search"), "the second search is answered by the route");
        assertArrayEquals(first.asByteArray(), second.asByteArray());
        assertEquals(headers(first), headers(second));
        // the same search spelled differently is the same filter, and the same cached page
        given().when().get("/api/catalog/products?size=7&page=2&sort=-price&q=PREMIUM").then().statusCode(200);
        assertEquals(before + 2, routeAnswers("search"));
    }

    @Test
    void missesAndErrorsAreStillAnsweredByTheResource() {
        double products = routeAnswers("product");
        double searches = routeAnswers("search");
        for (int i = 0; i < 2; i++) {
            given().when().get("/api/catalog/products/NO-SUCH-SKU-" + i % 1).then().statusCode(404)
                    .contentType("application/problem+json").header("X-Catalog-Generation", "0")
                    .body("detail", containsString("NO-SUCH-SKU-0"));
            given().when().get("/api/catalog/products?size=0").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
            given().when().get("/api/catalog/products/not%20a%20sku").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("sku"));
        }
        assertEquals(products, routeAnswers("product"), "an unknown SKU is never answered by the route");
        assertEquals(searches, routeAnswers("search"), "a bad parameter is never answered by the route");
    }
}
