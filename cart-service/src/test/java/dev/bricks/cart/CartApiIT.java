package dev.bricks.cart;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.CatalogStub;
import dev.bricks.cart.support.Shopper;
import dev.bricks.contracts.Roles;
import dev.bricks.contracts.build.BuildHeaders;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class CartApiIT {

    private final Shopper shopper = Shopper.anonymous();

    @Test
    void everyAnswerNamesTheBuildThatGaveItAsTheHealthCheckShowsIt() {
        String build = io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200)
                .header(BuildHeaders.BUILD, matchesPattern("[0-9a-f]{7,}(-dirty)?@\\d{4}-\\d\\d-\\d\\dT[0-9:]{8}Z"))
                .extract().path("checks.find { it.name == 'build' }.data.build");
        shopper.request().post("/api/carts").then().statusCode(201).header(BuildHeaders.BUILD, equalTo(build));
        shopper.show("nosuchcartaaaaaaaaaaaa").then().header(BuildHeaders.BUILD, equalTo(build)); // a 404
    }

    @Test
    void aNewCartIsEmptyAndReachableByItsId() {
        shopper.request().post("/api/carts").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/carts/[A-Za-z0-9_-]{22}"))
                .body("id", matchesPattern("[A-Za-z0-9_-]{22}"), "lines", hasSize(0),
                        "total.amount", equalTo("0.00"), "total.currency", equalTo("EUR"));
    }

    @Test
    void linesShowNameUnitPriceLineTotalAndTheCartTotal() {
        String cart = shopper.newCart();
        String red = Shopper.product("Red brick", "12.50");
        String blue = Shopper.product("Blue brick", "0.99");

        shopper.set(cart, red, 3).then().statusCode(200);
        shopper.set(cart, blue, 7).then().statusCode(200);
        shopper.set(cart, red, 2).then().statusCode(200);

        shopper.show(cart).then().statusCode(200)
                .body("lines", hasSize(2),
                        "lines[0].sku", equalTo(red), "lines[0].name", equalTo("Red brick"),
                        "lines[0].unitPrice.amount", equalTo("12.50"), "lines[0].quantity", is(2),
                        "lines[0].lineTotal.amount", equalTo("25.00"), "lines[0].priceStale", is(false),
                        "lines[1].sku", equalTo(blue), "lines[1].lineTotal.amount", equalTo("6.93"),
                        "total.amount", equalTo("31.93"), "total.currency", equalTo("EUR"),
                        "itemCount", is(9), "priceStale", is(false));
    }

    @Test
    void removingALineLeavesTheOthers() {
        String cart = shopper.newCart();
        String a = Shopper.product("A", "1.00");
        String b = Shopper.product("B", "2.00");
        shopper.set(cart, a, 1);
        shopper.set(cart, b, 1);

        shopper.remove(cart, a).then().statusCode(200).body("lines", hasSize(1), "lines[0].sku", equalTo(b));
        shopper.remove(cart, a).then().statusCode(200).body("lines", hasSize(1));
    }

    @Test
    void anUnknownSkuIsUnprocessable() {
        String cart = shopper.newCart();
        CatalogStub.get();
        shopper.set(cart, "NO-SUCH-SKU-" + System.nanoTime(), 1).then().statusCode(422)
                .contentType("application/problem+json").body("detail", matchesPattern(".*not in the catalogue.*"));
        shopper.show(cart).then().body("lines", hasSize(0));
    }

    @Test
    void anUnknownCartIsNotFoundOnEveryRoute() {
        String sku = Shopper.product("A", "1.00");
        String missing = "AAAAAAAAAAAAAAAAAAAAAA";
        shopper.show(missing).then().statusCode(404).contentType("application/problem+json");
        shopper.set(missing, sku, 1).then().statusCode(404);
        shopper.remove(missing, sku).then().statusCode(404);
        shopper.show("not-a-cart-id").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aQuantityOutside1To99OrNotAWholeNumberIsABadRequestNamingTheField() {
        String cart = shopper.newCart();
        String sku = Shopper.product("A", "1.00");
        for (Object bad : new Object[] { 0, 100, -1, 1.5, "\"2\"", "\"many\"", "null" }) {
            shopper.set(cart, sku, bad).then().statusCode(400).contentType("application/problem+json")
                    .body("detail", matchesPattern("quantity: .*"), "errors[0].field", equalTo("quantity"));
        }
        shopper.show(cart).then().body("lines", hasSize(0));
    }

    @Test
    void aMissingOrMalformedBodyIsABadRequest() {
        String cart = shopper.newCart();
        String sku = Shopper.product("A", "1.00");
        shopper.request().contentType(ContentType.JSON).body("{\"quantity\":")
                .put("/api/carts/{id}/items/{sku}", cart, sku).then().statusCode(400)
                .contentType("application/problem+json");
        shopper.request().contentType(ContentType.JSON)
                .put("/api/carts/{id}/items/{sku}", cart, sku).then().statusCode(400)
                .contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"quantity\":", "{\"quantity\":2", "{quantity:2}", "\u00ff\u00fe" })
    void malformedJsonIsABadRequestSayingWhereItBroke(String body) {
        String cart = shopper.newCart();
        shopper.request().contentType(ContentType.JSON).body(body)
                .put("/api/carts/{id}/items/{sku}", cart, Shopper.product("A", "1.00")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", matchesPattern("the request body is not valid JSON: .*line 1, column \\d+\\)"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "[2]", "2", "\"2\"", "true" })
    void aBodyThatIsNotAJsonObjectIsABadRequestWithoutJavaNames(String body) {
        String cart = shopper.newCart();
        shopper.request().contentType(ContentType.JSON).body(body)
                .put("/api/carts/{id}/items/{sku}", cart, Shopper.product("A", "1.00")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("the request body must be a JSON object"));
    }

    @Test
    void aQuantityBeyondAnyIntegerIsABadRequestNamingTheField() {
        String cart = shopper.newCart();
        shopper.set(cart, Shopper.product("A", "1.00"), "99999999999999999999").then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("quantity: is a number out of range"), "errors[0].field", equalTo("quantity"));
    }

    @Test
    void aMissingBodyIsABadRequestNamingTheBody() {
        String cart = shopper.newCart();
        shopper.request().contentType(ContentType.JSON)
                .put("/api/carts/{id}/items/{sku}", cart, Shopper.product("A", "1.00")).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void anUnknownMethodOrContentTypeIsAProblem() {
        String cart = shopper.newCart();
        shopper.request().get("/api/carts").then().statusCode(405).contentType("application/problem+json")
                .body("detail", equalTo("this resource does not support this HTTP method"));
        shopper.request().contentType(ContentType.TEXT).body("{\"quantity\":1}")
                .put("/api/carts/{id}/items/{sku}", cart, "A").then().statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("this resource does not accept a request body of this Content-Type"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "Bearer ", "Bearer", "Basic Zm9vOmJhcg==", "garbage" })
    void anAuthorizationHeaderWithoutAValidBearerTokenIsRejectedNotTreatedAsAnonymous(String header) {
        String cart = shopper.newCart();
        Shopper caller = Shopper.withAuthorization(header);
        caller.request().post("/api/carts").then().statusCode(401).contentType("application/problem+json");
        caller.show(cart).then().statusCode(401).contentType("application/problem+json");
        caller.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(401)
                .contentType("application/problem+json");
        shopper.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void anExpiredTokenIsRejectedOnEveryRoute() {
        String cart = shopper.newCart();
        Shopper expired = Shopper.withAuthorization("Bearer " + TestTokens.expiredCustomer(
                java.util.UUID.randomUUID().toString(), "expired@example.test"));
        expired.request().post("/api/carts").then().statusCode(401).contentType("application/problem+json");
        expired.show(cart).then().statusCode(401).contentType("application/problem+json");
        expired.checkout(cart).then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-uuid", "" })
    void checkoutWithATokenThatNamesNoCustomerIsForbiddenAndPublishesNothing(String subject) {
        Shopper odd = Shopper.withAuthorization("Bearer "
                + TestTokens.sign(subject, "odd@example.test", "customer", Duration.ofMinutes(5)));
        String cart = shopper.newCart();
        shopper.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        odd.checkout(cart).then().statusCode(403).contentType("application/problem+json")
                .body("detail", matchesPattern("checkout needs a customer token.*"));
        shopper.show(cart).then().statusCode(200).body("lines", hasSize(1));
    }

    @ParameterizedTest
    @ValueSource(strings = { "no e-mail claim", "" })
    void checkoutWithACustomerTokenWithoutAnEmailIsForbiddenAndPublishesNothing(String email) {
        String customerId = java.util.UUID.randomUUID().toString();
        var claims = Jwt.issuer(TestTokens.ISSUER).subject(customerId).groups(Set.of(Roles.CUSTOMER));
        if (email.isEmpty()) {
            claims.upn("").claim("email", ""); // present but blank
        }
        Shopper noEmail = Shopper.withAuthorization("Bearer "
                + claims.expiresIn(Duration.ofMinutes(5)).sign(TestTokens.privateKey()));
        String cart = noEmail.newCart();
        noEmail.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);

        noEmail.checkout(cart).then().statusCode(403).contentType("application/problem+json")
                .body("detail", matchesPattern("checkout needs a customer token.*"));
        noEmail.show(cart).then().statusCode(200).body("lines", hasSize(1));
        assertTrue(Kafka.readAll(CartTestEnvironment.ordersTopic()).stream()
                .noneMatch(r -> r.value().contains(cart)), "a record was published for cart " + cart);
    }

    @Test
    void aProductPricedInAnotherCurrencyIsRefusedAndTheCartStaysAsItWas() {
        String cart = shopper.newCart();
        shopper.set(cart, Shopper.product("Brick", "2.00"), 1).then().statusCode(200);
        String dollars = "SKU-" + java.util.UUID.randomUUID().toString().substring(0, 12);
        CatalogStub.get().product(dollars, "Import brick", "3.00", "USD");

        shopper.set(cart, dollars, 1).then().statusCode(422).contentType("application/problem+json")
                .body("detail", matchesPattern(".*another currency.*EUR.*"));
        shopper.show(cart).then().statusCode(200).body("lines", hasSize(1), "total.currency", equalTo("EUR"));
    }

    @Test
    void onlyACustomerTokenMayCheckOut() {
        Shopper staff = Shopper.withAuthorization("Bearer " + TestTokens.staff(
                java.util.UUID.randomUUID().toString(), "staff@example.test"));
        String cart = staff.newCart();
        staff.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        staff.checkout(cart).then().statusCode(403).contentType("application/problem+json");
        staff.show(cart).then().statusCode(200).body("lines", hasSize(1));
    }

    @Test
    void aMalformedSkuIsABadRequest() {
        String cart = shopper.newCart();
        shopper.set(cart, "bad sku!", 1).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("sku"));
    }

    @Test
    void aCartHoldsAtMost100Lines() {
        String cart = shopper.newCart();
        for (int i = 0; i < 100; i++) {
            shopper.set(cart, Shopper.product("P" + i, "1.00"), 1).then().statusCode(200);
        }
        shopper.set(cart, Shopper.product("one too many", "1.00"), 1).then().statusCode(409)
                .body("detail", matchesPattern(".*100 lines.*"));
        shopper.show(cart).then().body("lines", hasSize(100), "total.amount", equalTo("100.00"));
    }

    @Test
    void aForgedTokenIsRejectedNotTreatedAsAnonymous() {
        shopper.request().header("Authorization", "Bearer not.a.jwt").post("/api/carts").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void checkoutNeedsAToken() {
        String cart = shopper.newCart();
        shopper.checkout(cart).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theApiIsDocumented() {
        shopper.request().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/carts/{id}/checkout'.post.responses.'202'.description",
                        endsWith("names the order"));
    }
}
