package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.support.DeadLetters;
import dev.bricks.order.support.OrderRecords;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.order.support.OrdersDb;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** {@code /api/orders/dead-letters}: listing, paging, replaying one or all with a reason, staff only. */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class DeadLetterApiIT {

    private static final String STAFF_EMAIL = "dlq-desk@bricks.test";
    private static final String STAFF = TestTokens.staff(UUID.randomUUID().toString(), STAFF_EMAIL);

    @ConfigProperty(name = "bricks.orders.dlq-topic")
    String deadLetterTopic;

    private static RequestSpecification staff() {
        return given().auth().oauth2(STAFF);
    }

    @Test
    void deadLettersArePagedAndAllWithOneReasonAreReplayedThroughTheDrainsChecks() {
        String reason = "it: the catalogue was down " + UUID.randomUUID();
        OrderPlaced first = OrderRecords.order();
        OrderPlaced second = OrderRecords.order();
        OrderPlaced broken = OrderRecords.order();
        String brokenJson = OrderRecords.json(broken).replace("\"total\":\"28.99\"", "\"total\":\"1.00\"");
        DeadLetters.publish(deadLetterTopic, first.orderId(), OrderRecords.json(first), reason);
        DeadLetters.publish(deadLetterTopic, second.orderId(), OrderRecords.json(second), reason);
        DeadLetters.publish(deadLetterTopic, broken.orderId(), brokenJson, reason);
        DeadLetters.awaitIndexed(deadLetterTopic, first.orderId());
        DeadLetters.awaitIndexed(deadLetterTopic, second.orderId());
        long brokenId = DeadLetters.awaitIndexed(deadLetterTopic, broken.orderId());

        staff().queryParam("reason", reason).queryParam("size", 2).get("/api/orders/dead-letters").then()
                .statusCode(200).body("items", hasSize(2)).body("totalItems", equalTo(3))
                .body("totalPages", equalTo(2)).body("items[0].orderId", equalTo(broken.orderId()))
                .body("items[0].status", equalTo("OPEN")).body("items[0].reason", equalTo(reason))
                .body("items[0].email", equalTo(broken.email())).body("items[0].value", equalTo(brokenJson));
        staff().queryParam("reason", reason).queryParam("size", 2).queryParam("page", 1)
                .get("/api/orders/dead-letters").then().statusCode(200)
                .body("items[0].orderId", equalTo(first.orderId()));

        staff().queryParam("reason", reason).post("/api/orders/dead-letters/replay").then().statusCode(200)
                .body("stored", equalTo(2)).body("alreadyStored", equalTo(0)).body("failed", equalTo(1))
                .body("remaining", equalTo(0)).body("replays", hasSize(3));
        List<UUID> replayed = List.of(UUID.fromString(first.orderId()), UUID.fromString(second.orderId()));
        OrdersDb.assertEachStoredOnce(replayed, 2, 1);
        assertEquals(0, OrdersDb.orders(List.of(UUID.fromString(broken.orderId()))));

        staff().get("/api/orders/dead-letters/" + brokenId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("reason", startsWith("total 1.00 is not the sum"))
                .body("replays[0].outcome", equalTo("FAILED")).body("replays[0].by", equalTo(STAFF_EMAIL));
        staff().queryParam("reason", reason).queryParam("status", "REPLAYED").get("/api/orders/dead-letters").then()
                .statusCode(200).body("totalItems", equalTo(2));

        // again: nothing is open with that reason any more, and a replay of one stores nothing twice
        staff().queryParam("reason", reason).post("/api/orders/dead-letters/replay").then().statusCode(200)
                .body("replays", hasSize(0));
        long firstId = DeadLetters.awaitIndexed(deadLetterTopic, first.orderId());
        staff().post("/api/orders/dead-letters/" + firstId + "/replay").then().statusCode(200)
                .body("outcome", equalTo("ALREADY_STORED")).body("orderId", equalTo(first.orderId()));
        OrdersDb.assertEachStoredOnce(replayed, 2, 1);
    }

    @Test
    void everyDeadLetterRouteRefusesCustomersAnd401sAnonymousCallers() {
        String customer = TestTokens.customer(UUID.randomUUID().toString(), "shopper@bricks.test");
        String[][] routes = { { "GET", "/api/orders/dead-letters" }, { "GET", "/api/orders/dead-letters/1" },
                { "POST", "/api/orders/dead-letters/1/replay" },
                { "POST", "/api/orders/dead-letters/replay?reason=x" } };
        for (String[] route : routes) {
            given().auth().oauth2(customer).request(route[0], route[1]).then().statusCode(403)
                    .contentType("application/problem+json");
            given().request(route[0], route[1]).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void badParametersAre400sNamingThemAndUnknownIds404s() {
        String[][] bad = { { "page", "-1" }, { "size", "0" }, { "size", "101" }, { "status", "LOST" } };
        for (String[] param : bad) {
            staff().queryParam(param[0], param[1]).get("/api/orders/dead-letters").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(param[0]));
        }
        staff().post("/api/orders/dead-letters/replay").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        for (String id : List.of("abc", "999999999999", "-1", "1e3")) {
            staff().get("/api/orders/dead-letters/" + id).then().statusCode(404)
                    .contentType("application/problem+json");
            staff().post("/api/orders/dead-letters/" + id + "/replay").then().statusCode(404);
        }
    }

    @Test
    void theDeadLetterRoutesAreInTheOpenApiDocument() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/orders/dead-letters/{id}/replay"))
                .body(containsString("/api/orders/dead-letters/replay"))
                .body(containsString("ALREADY_STORED"));
    }
}
