package dev.bricks.bench.gatling;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Shopper journeys through the gateway: shoppers browse and search the catalog, open products, fill a
 * cart with 2-3 items, register, sign in and check out, then wait for their order to be visible;
 * browsers only browse and search. Both are an open model (new users per second), bounded in time.
 *
 * <p>System properties: {@code bricks.gateway} (base URL, default http://127.0.0.1:8080),
 * {@code bricks.seconds} (60), {@code bricks.shoppersPerSec} (2), {@code bricks.browsersPerSec} (10).
 */
public class ShopperJourneys extends Simulation {

    private static final String GATEWAY = System.getProperty("bricks.gateway", "http://127.0.0.1:8080");
    private static final int SECONDS = Integer.getInteger("bricks.seconds", 60);
    private static final double SHOPPERS_PER_SEC = Double.parseDouble(System.getProperty("bricks.shoppersPerSec", "2"));
    private static final double BROWSERS_PER_SEC = Double.parseDouble(System.getProperty("bricks.browsersPerSec", "10"));
    private static final int RAMP_SECONDS = Math.min(10, SECONDS / 4);

    private static final List<String> CATEGORIES = List.of("Kitchen", "Garden", "Outdoor", "Electronics", "Books",
            "Toys", "Home", "Sports", "Beauty", "Office");
    private static final List<String> WORDS = List.of("lamp", "premium", "classic", "travel", "modern", "compact");

    private static <T> T any(List<T> values) {
        return values.get(ThreadLocalRandom.current().nextInt(values.size()));
    }

    /** One entry per virtual user: what it looks for, and a fresh identity for the shoppers. */
    private static Iterator<Map<String, Object>> visitors() {
        return Stream.generate(() -> Map.<String, Object>of(
                "category", any(CATEGORIES),
                "word", any(WORDS),
                "items", 2 + ThreadLocalRandom.current().nextInt(2),
                "quantity", 1 + ThreadLocalRandom.current().nextInt(3),
                "email", "gatling-" + UUID.randomUUID() + "@bench.local",
                "password", "gatling-" + UUID.randomUUID())).iterator();
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private final HttpProtocolBuilder protocol = http.baseUrl(GATEWAY)
            .acceptHeader("application/json")
            .userAgentHeader("bricks-bench-gatling");

    /** Browses a category, runs a word search, opens the products the user picked (saved as "skus"). */
    private final ChainBuilder browse = exec(http("categories").get("/api/catalog/categories").check(status().is(200)))
            .pause(ms(100), ms(500))
            .exec(http("browse a category").get("/api/catalog/products")
                    .queryParam("category", "#{category}").queryParam("size", "20")
                    .check(status().is(200), jsonPath("$.items[*].sku").findRandom(3, false).saveAs("found")))
            .pause(ms(100), ms(500))
            .exec(http("search words").get("/api/catalog/products")
                    .queryParam("q", "#{word}").queryParam("sort", "price").queryParam("size", "20")
                    .check(status().is(200)))
            .exec(session -> {
                List<String> found = session.getList("found");
                return session.set("skus", found.subList(0, Math.min(found.size(), session.getInt("items"))));
            })
            .foreach("#{skus}", "sku").on(
                    exec(http("open a product").get("/api/catalog/products/#{sku}").check(status().is(200)))
                            .pause(ms(100), ms(400)));

    private final ChainBuilder fillCart = exec(http("create a cart").post("/api/carts")
                    .check(status().is(201), jsonPath("$.id").saveAs("cartId")))
            .foreach("#{skus}", "sku").on(
                    exec(http("add an item").put("/api/carts/#{cartId}/items/#{sku}")
                            .body(StringBody("{\"quantity\":#{quantity}}")).asJson()
                            .check(status().is(200))));

    private final ChainBuilder signUpAndCheckOut = exec(http("register").post("/api/customers")
                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\",\"name\":\"Gatling Shopper\"}"))
                    .asJson().check(status().is(201)))
            .exec(http("sign in").post("/api/customers/token")
                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\"}")).asJson()
                    .check(status().is(200), jsonPath("$.accessToken").saveAs("token")))
            .exec(http("check out").post("/api/carts/#{cartId}/checkout")
                    .header("Authorization", "Bearer #{token}")
                    .check(status().is(202), jsonPath("$.orderId").saveAs("orderId")))
            // the order is placed asynchronously (Kafka): 404 until order-service has stored it
            .exec(session -> session.set("orderStatus", 0))
            .asLongAsDuring(session -> session.getInt("orderStatus") != 200, Duration.ofSeconds(15)).on(
                    pause(ms(100)).exec(http("order visible").get("/api/orders/#{orderId}")
                            .header("Authorization", "Bearer #{token}")
                            .check(status().in(200, 404).saveAs("orderStatus"))));

    private final ScenarioBuilder shoppers = scenario("shoppers")
            .feed(visitors())
            .exec(browse)
            .exec(fillCart)
            .exec(signUpAndCheckOut);

    private final ScenarioBuilder browsers = scenario("browsers")
            .feed(visitors())
            .exec(browse)
            .pause(ms(200), ms(800))
            .exec(browse);

    private static OpenInjectionStep[] profile(double perSec) {
        return new OpenInjectionStep[] {
            rampUsersPerSec(Math.max(0.5, perSec / 10)).to(perSec).during(Duration.ofSeconds(RAMP_SECONDS)),
            constantUsersPerSec(perSec).during(Duration.ofSeconds(SECONDS - RAMP_SECONDS))
        };
    }

    {
        setUp(shoppers.injectOpen(profile(SHOPPERS_PER_SEC)), browsers.injectOpen(profile(BROWSERS_PER_SEC)))
                .protocols(protocol)
                // users still running at the end are cut off: the run is bounded in time
                .maxDuration(Duration.ofSeconds(SECONDS + 30));
    }
}
