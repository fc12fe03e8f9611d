package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.store.OrderStore;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class OrderApiIT {

    private static final String STAFF_EMAIL = "clerk@bricks.test";
    private static final String STAFF = TestTokens.staff(UUID.randomUUID().toString(), STAFF_EMAIL);

    @Inject
    OrderStore store;

    /** A customer of this test run, with orders nobody else has. */
    record Customer(String id, String email, String token) {
        static Customer fresh() {
            String id = UUID.randomUUID().toString();
            String email = "c-" + id + "@example.com";
            return new Customer(id, email, TestTokens.customer(id, email));
        }
    }

    private OrderPlaced place(Customer customer, String sku, Instant placedAt) {
        OrderPlaced order = OrderRecords.order(customer.id(), customer.email(), sku, placedAt);
        assertTrue(store.storeOnce(order));
        return order;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token);
    }

    @Test
    void staffListNewestFirstInPagesThatDoNotOverlap() {
        Customer customer = Customer.fresh();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, place(customer, "BRK-P", now.minus(5 - i, ChronoUnit.MINUTES)).orderId());
        }
        List<String> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            seen.addAll(as(STAFF).queryParam("customerId", customer.id()).queryParam("size", 2)
                    .queryParam("page", page).get("/api/orders")
                    .then().statusCode(200)
                    .body("totalItems", equalTo(5)).body("totalPages", equalTo(3)).body("page", equalTo(page))
                    .extract().<List<String>>path("items.orderId"));
        }
        assertEquals(newestFirst, seen);
    }

    @Test
    void staffFilterByStatusEmailSkuAndPlacedTime() {
        Customer customer = Customer.fresh();
        String sku = "BRK-" + UUID.randomUUID();
        Instant base = Instant.parse("2024-06-01T12:00:00Z").plus(ThreadLocalRandom.current().nextInt(100_000),
                ChronoUnit.SECONDS);
        OrderPlaced early = place(customer, sku, base);
        OrderPlaced late = place(customer, sku, base.plus(2, ChronoUnit.HOURS));
        OrderPlaced other = place(customer, "BRK-OTHER", base.plus(1, ChronoUnit.HOURS));
        as(STAFF).post("/api/orders/" + late.orderId() + "/fulfil").then().statusCode(200);

        as(STAFF).queryParam("sku", sku).get("/api/orders").then().statusCode(200)
                .body("items.orderId", equalTo(List.of(late.orderId(), early.orderId())));
        as(STAFF).queryParam("email", customer.email().toUpperCase()).queryParam("status", "placed")
                .get("/api/orders").then().statusCode(200)
                .body("items.orderId", equalTo(List.of(other.orderId(), early.orderId())));
        as(STAFF).queryParam("customerId", customer.id()).queryParam("from", base.plusSeconds(1).toString())
                .queryParam("to", base.plus(2, ChronoUnit.HOURS).toString()).get("/api/orders")
                .then().statusCode(200).body("items.orderId", equalTo(List.of(other.orderId())));
        as(STAFF).queryParam("customerId", customer.id()).queryParam("status", "FULFILLED").get("/api/orders")
                .then().statusCode(200).body("items.orderId", equalTo(List.of(late.orderId())))
                .body("items[0].lines", hasSize(2)).body("items[0].lines[0].lineTotal", equalTo("25.00"));
    }

    @Test
    void badListParametersAreA400NamingTheParameter() {
        for (String[] bad : new String[][] { { "size", "0" }, { "size", "101" }, { "size", "x" }, { "page", "-1" },
                { "status", "SHIPPED" }, { "customerId", "nope" }, { "from", "yesterday" }, { "to", "3/4/25" } }) {
            as(STAFF).queryParam(bad[0], bad[1]).get("/api/orders").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[0]));
        }
        as(STAFF).queryParam("size", 100).get("/api/orders").then().statusCode(200);
    }

    static Stream<Arguments> outOfRangeParameters() {
        String huge = "+1000000000-01-01T00:00:00Z";
        String hugeNegative = "-1000000000-01-01T00:00:00Z";
        return Stream.of(
                Arguments.of("/api/orders", "page", "2147483647"),
                Arguments.of("/api/orders", "page", Integer.toString(OrderQuery.MAX_PAGE + 1)),
                Arguments.of("/api/orders", "page", "99999999999999999999"),
                Arguments.of("/api/orders/mine", "page", "2147483647"),
                Arguments.of("/api/orders/mine", "size", "101"),
                Arguments.of("/api/orders", "from", huge),
                Arguments.of("/api/orders", "from", hugeNegative),
                Arguments.of("/api/orders", "to", huge),
                Arguments.of("/api/orders", "to", hugeNegative),
                Arguments.of("/api/orders", "from", "0000-01-01"),
                Arguments.of("/api/orders/export.csv", "from", huge),
                Arguments.of("/api/orders/export.csv", "to", hugeNegative),
                Arguments.of("/api/orders/export.csv", "customerId", "nope"),
                Arguments.of("/api/orders/summary", "from", huge),
                Arguments.of("/api/orders/summary", "from", hugeNegative),
                Arguments.of("/api/orders/summary", "to", huge),
                Arguments.of("/api/orders/summary", "to", hugeNegative),
                Arguments.of("/api/orders/summary", "to", "0001-01-01"));
    }

    @ParameterizedTest(name = "{0}?{1}={2}")
    @MethodSource("outOfRangeParameters")
    void outOfRangePagesAndInstantsAreA400NamingTheParameter(String path, String name, String value) {
        as(STAFF).queryParam(name, value).get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(name));
    }

    @Test
    void theLastPageAndTheOuterInstantsOfTheYearsOneTo9999AreAnsweredEvenIfEmpty() {
        Customer nobody = Customer.fresh();
        as(STAFF).queryParam("customerId", nobody.id()).queryParam("page", OrderQuery.MAX_PAGE).queryParam("size", 100)
                .get("/api/orders").then().statusCode(200).body("items", hasSize(0))
                .body("page", equalTo(OrderQuery.MAX_PAGE));
        as(nobody.token()).queryParam("page", OrderQuery.MAX_PAGE).get("/api/orders/mine").then().statusCode(200)
                .body("items", hasSize(0));
        as(STAFF).queryParam("customerId", nobody.id()).queryParam("from", "0001-01-01")
                .queryParam("to", "9999-12-31T23:59:59.999999Z").get("/api/orders").then().statusCode(200)
                .body("totalItems", equalTo(0));
        as(STAFF).queryParam("customerId", nobody.id()).queryParam("from", "0001-01-01")
                .queryParam("to", "9999-12-31").get("/api/orders/export.csv").then().statusCode(200);
        as(STAFF).queryParam("from", "9999-12-01").queryParam("to", "9999-12-31T23:59:59Z")
                .get("/api/orders/summary").then().statusCode(200).body("rows", hasSize(0));
        as(STAFF).queryParam("to", "0001-01-05").get("/api/orders/summary").then().statusCode(200)
                .body("from", equalTo("0001-01-01T00:00:00Z")).body("rows", hasSize(0));
    }

    @Test
    void placedOrdersAreFulfilledOrCancelledOnceAndEveryOtherTransitionIsAConflict() {
        Customer customer = Customer.fresh();
        OrderPlaced fulfilled = place(customer, "BRK-L", Instant.now());
        OrderPlaced cancelled = place(customer, "BRK-L", Instant.now());

        as(STAFF).post("/api/orders/" + fulfilled.orderId() + "/fulfil").then().statusCode(200)
                .body("status", equalTo("FULFILLED"))
                .body("history.status", equalTo(List.of("PLACED", "FULFILLED")))
                .body("history[1].by", equalTo(STAFF_EMAIL)).body("history[1].at", containsString("T"));
        as(STAFF).post("/api/orders/" + fulfilled.orderId() + "/fulfil").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("is FULFILLED"));
        as(STAFF).post("/api/orders/" + fulfilled.orderId() + "/cancel").then().statusCode(409);

        as(STAFF).post("/api/orders/" + cancelled.orderId() + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        as(STAFF).post("/api/orders/" + cancelled.orderId() + "/fulfil").then().statusCode(409);
        as(STAFF).post("/api/orders/" + cancelled.orderId() + "/cancel").then().statusCode(409);
        as(STAFF).get("/api/orders/" + cancelled.orderId()).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("history", hasSize(2));

        as(STAFF).post("/api/orders/" + UUID.randomUUID() + "/fulfil").then().statusCode(404);
    }

    @Test
    void customersSeeTheirOwnOrdersAndNobodyElses() {
        Customer ann = Customer.fresh();
        Customer bob = Customer.fresh();
        OrderPlaced annsOrder = place(ann, "BRK-C", Instant.now());
        place(bob, "BRK-C", Instant.now());

        as(ann.token()).get("/api/orders/" + annsOrder.orderId()).then().statusCode(200)
                .body("orderId", equalTo(annsOrder.orderId()));
        as(bob.token()).get("/api/orders/" + annsOrder.orderId()).then().statusCode(404)
                .contentType("application/problem+json");
        as(ann.token()).get("/api/orders/mine").then().statusCode(200)
                .body("items.orderId", equalTo(List.of(annsOrder.orderId()))).body("totalItems", equalTo(1));
        as(ann.token()).get("/api/orders/not-a-uuid").then().statusCode(404);
        as(STAFF).get("/api/orders/" + annsOrder.orderId()).then().statusCode(200);
    }

    @Test
    void staffRoutesAre403ForCustomersAnd401WithoutAToken() {
        Customer ann = Customer.fresh();
        String id = place(ann, "BRK-A", Instant.now()).orderId();
        String[][] staffRoutes = { { "GET", "/api/orders" }, { "GET", "/api/orders/summary" },
                { "GET", "/api/orders/export.csv" }, { "POST", "/api/orders/" + id + "/fulfil" },
                { "POST", "/api/orders/" + id + "/cancel" } };
        for (String[] route : staffRoutes) {
            as(ann.token()).request(route[0], route[1]).then().statusCode(403)
                    .contentType("application/problem+json");
            given().request(route[0], route[1]).then().statusCode(401).contentType("application/problem+json");
        }
        for (String path : List.of("/api/orders/mine", "/api/orders/" + id)) {
            given().get(path).then().statusCode(401).header("WWW-Authenticate", "Bearer");
        }
        as(STAFF).get("/api/orders/" + id).then().statusCode(200).body("status", equalTo("PLACED"));
    }

    @Test
    void anExpiredOrTamperedTokenIsRejectedWith401() {
        Customer ann = Customer.fresh();
        String id = place(ann, "BRK-T", Instant.now()).orderId();
        as(ann.token()).get("/api/orders/" + id).then().statusCode(200);

        as(TestTokens.expiredCustomer(ann.id(), ann.email())).get("/api/orders/" + id).then().statusCode(401)
                .contentType("application/problem+json");
        as(tamper(ann.token())).get("/api/orders/" + id).then().statusCode(401);
        // A staff claim forged into a customer's token breaks its signature.
        as(forgeGroups(ann.token())).get("/api/orders").then().statusCode(401);
    }

    /** Flips bits in the middle of the signature. */
    static String tamper(String jwt) {
        int dot = jwt.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(jwt.substring(dot + 1));
        signature[signature.length / 2] ^= 0x5A;
        return jwt.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    static String forgeGroups(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"staff\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    @Test
    void summaryCountsOrdersAndRevenuePerDayAndStatus() {
        Customer customer = Customer.fresh();
        // A UTC midnight of the past that no other run picks (1 in 40,000), orders on both sides of it.
        Instant midnight = Instant.parse("1900-01-01T00:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(40_000), ChronoUnit.DAYS);
        place(customer, "BRK-S", midnight.minus(20, ChronoUnit.MINUTES));
        place(customer, "BRK-S", midnight.minus(10, ChronoUnit.MINUTES));
        OrderPlaced next = place(customer, "BRK-S", midnight.plus(10, ChronoUnit.MINUTES));
        as(STAFF).post("/api/orders/" + next.orderId() + "/cancel").then().statusCode(200);
        String before = midnight.minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
        String after = midnight.toString().substring(0, 10);

        as(STAFF).queryParam("from", midnight.minus(30, ChronoUnit.MINUTES).toString())
                .queryParam("to", midnight.plus(20, ChronoUnit.MINUTES).toString()).get("/api/orders/summary")
                .then().statusCode(200)
                .body("rows", hasSize(2))
                .body("rows[0].day", equalTo(before)).body("rows[0].status", equalTo("PLACED"))
                .body("rows[0].orders", equalTo(2)).body("rows[0].revenue", equalTo("57.98"))
                .body("rows[0].currency", equalTo("EUR"))
                .body("rows[1].day", equalTo(after)).body("rows[1].status", equalTo("CANCELLED"))
                .body("rows[1].orders", equalTo(1)).body("rows[1].revenue", equalTo("28.99"));
        as(STAFF).queryParam("from", "2025-02-01").queryParam("to", "2025-01-01").get("/api/orders/summary")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void aFilteredListExportsAsCsv() {
        Customer customer = Customer.fresh();
        OrderPlaced first = place(customer, "BRK-CSV", Instant.now().minusSeconds(60));
        OrderPlaced second = place(customer, "BRK-CSV", Instant.now());
        String csv = as(STAFF).queryParam("email", customer.email()).get("/api/orders/export.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("orders.csv"))
                .extract().asString();
        String[] rows = csv.split("\r\n");
        assertEquals(3, rows.length, csv);
        assertTrue(rows[0].startsWith("orderId,placedAt,status,customerId,email,total,currency"));
        assertTrue(rows[1].startsWith(second.orderId() + ","), rows[1]);
        assertTrue(rows[2].startsWith(first.orderId() + ","), rows[2]);
        assertTrue(rows[1].contains(",PLACED," + customer.id() + "," + customer.email() + ",28.99,EUR,3,"), rows[1]);
    }

    @Test
    void aFulfilAndACancelRacingForOneOrderAnswerOne200AndOne409() throws Exception {
        Customer customer = Customer.fresh();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = place(customer, "BRK-RACE", Instant.now()).orderId();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> fulfil = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(STAFF).post("/api/orders/" + id + "/fulfil").statusCode();
                });
                Future<Integer> cancel = pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return as(STAFF).post("/api/orders/" + id + "/cancel").statusCode();
                });
                int fulfilled = fulfil.get(30, TimeUnit.SECONDS);
                int cancelled = cancel.get(30, TimeUnit.SECONDS);
                assertEquals(List.of(200, 409), Stream.of(fulfilled, cancelled).sorted().toList(),
                        "fulfil " + fulfilled + ", cancel " + cancelled);
                String winner = fulfilled == 200 ? "FULFILLED" : "CANCELLED";
                as(STAFF).get("/api/orders/" + id).then().statusCode(200).body("status", equalTo(winner))
                        .body("history.status", equalTo(List.of("PLACED", winner)));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSummaryMaySpan366DaysAndALongerRangeIsA400NamingTo() {
        Instant from = Instant.parse("2023-03-01T00:00:00Z");
        as(STAFF).queryParam("from", from.toString()).queryParam("to", from.plus(366, ChronoUnit.DAYS).toString())
                .get("/api/orders/summary").then().statusCode(200);
        as(STAFF).queryParam("from", from.toString())
                .queryParam("to", from.plus(366, ChronoUnit.DAYS).plusSeconds(1).toString())
                .get("/api/orders/summary").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to")).body("detail", containsString("366 days"));
    }

    @Test
    void theCsvExportNeutralisesEveryFormulaPrefix() {
        Customer customer = Customer.fresh();
        // the e-mail comes from the customer's token: a shopper chooses how it starts
        List<String> emails = new ArrayList<>();
        for (String prefix : List.of("=", "+", "-", "@", "\t", "\r")) {
            String email = prefix + "HYPERLINK(\"http://evil.test\")" + UUID.randomUUID() + "@example.com";
            emails.add(email);
            assertTrue(store.storeOnce(OrderRecords.order(customer.id(), email, "BRK-F", Instant.now())));
        }
        String csv = as(STAFF).queryParam("customerId", customer.id()).get("/api/orders/export.csv")
                .then().statusCode(200).extract().asString();
        for (String email : emails) {
            String quoted = "\"'" + email.replace("\"", "\"\"") + "\"";
            assertTrue(csv.contains("," + quoted + ","), "not neutralised: " + email.substring(0, 1).strip() + " in "
                    + csv);
            assertFalse(csv.contains(",\"" + email.charAt(0)), "a field starts with " + (int) email.charAt(0));
        }
    }
}
