package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

import dev.bricks.order.backoffice.StaffSession;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The back-office's HTML routes answer bad input with a 4xx page or the sign-in, never a 500. */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class BackofficeBadInputIT {

    private static final String STAFF = TestTokens.staff(UUID.randomUUID().toString(), "desk@bricks.test");

    private static RequestSpecification withCookie(String value) {
        return given().redirects().follow(false).cookie(StaffSession.COOKIE, value);
    }

    static Stream<Arguments> badListParameters() {
        return Stream.of(
                Arguments.of("page", "2147483647"),
                Arguments.of("page", Integer.toString(OrderQuery.MAX_PAGE + 1)),
                Arguments.of("page", "-1"),
                Arguments.of("page", "two"),
                Arguments.of("from", "+1000000000-01-01T00:00:00Z"),
                Arguments.of("to", "-1000000000-01-01T00:00:00Z"),
                Arguments.of("from", "yesterday"),
                Arguments.of("customerId", "not-a-uuid"),
                Arguments.of("status", "SHIPPED"));
    }

    @ParameterizedTest(name = "/backoffice?{0}={1}")
    @MethodSource("badListParameters")
    void aBadFilterOrPageIsA400PageNamingIt(String name, String value) {
        withCookie(STAFF).queryParam(name, value).get("/backoffice").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString(name));
    }

    @ParameterizedTest(name = "/backoffice/export.csv?{0}={1}")
    @MethodSource("badListParameters")
    void aBadFilterOfTheExportIsA400(String name, String value) {
        if (name.equals("page")) {
            return; // the export has no page
        }
        withCookie(STAFF).queryParam(name, value).get("/backoffice/export.csv").then().statusCode(400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "%00%ff", " " })
    void aGarbageCookieIsNoSession(String cookie) {
        withCookie(cookie).get("/backoffice").then().statusCode(200).body(containsString("id=\"signin\""));
        withCookie(cookie).get("/backoffice/orders/" + UUID.randomUUID()).then().statusCode(200)
                .body(containsString("id=\"signin\""));
        withCookie(cookie).get("/backoffice/export.csv").then().statusCode(303)
                .header("Location", endsWith("/backoffice"));
        withCookie(cookie).post("/backoffice/orders/" + UUID.randomUUID() + "/fulfil").then().statusCode(303)
                .header("Location", endsWith("/backoffice"));
        withCookie(cookie).post("/backoffice/orders/not-a-uuid/cancel").then().statusCode(303)
                .header("Location", endsWith("/backoffice"));
    }

    @Test
    void withoutACookieOrWithACustomersTokenActionsGoToTheSignIn() {
        String customer = TestTokens.customer(UUID.randomUUID().toString(), "shopper@bricks.test");
        given().redirects().follow(false).post("/backoffice/orders/" + UUID.randomUUID() + "/fulfil").then()
                .statusCode(303).header("Location", endsWith("/backoffice"));
        withCookie(customer).post("/backoffice/orders/" + UUID.randomUUID() + "/cancel").then().statusCode(303)
                .header("Location", endsWith("/backoffice"));
        withCookie(TestTokens.expiredCustomer(UUID.randomUUID().toString(), "old@bricks.test")).get("/backoffice")
                .then().statusCode(200).body(containsString("id=\"signin\""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "not-a-uuid", "1", "00000000-0000-0000-0000-00000000000000", "%20" })
    void anOrderIdThatIsNoUuidIsA404Page(String id) {
        withCookie(STAFF).get("/backoffice/orders/" + id).then().statusCode(404)
                .contentType(containsString("text/html"));
        withCookie(STAFF).post("/backoffice/orders/" + id + "/fulfil").then().statusCode(404)
                .contentType(containsString("text/html"));
        withCookie(STAFF).post("/backoffice/orders/" + id + "/cancel").then().statusCode(404);
    }

    @Test
    void aSignInWithoutEmailOrPasswordOrWithAnUnreadableFormIsA400Page() {
        given().contentType("application/x-www-form-urlencoded").post("/backoffice/signin").then().statusCode(400)
                .body(containsString("Enter your e-mail and password."));
        given().formParam("email", "a@b.c").post("/backoffice/signin").then().statusCode(400);
        given().formParam("password", "secret").post("/backoffice/signin").then().statusCode(400);
        given().formParam("email", " ").formParam("password", "").post("/backoffice/signin").then().statusCode(400);
        given().contentType("application/json").body("{\"email\":\"a@b.c\"}").post("/backoffice/signin").then()
                .statusCode(415);
        given().contentType("application/x-www-form-urlencoded").body("email=%zz&password=%").post("/backoffice/signin")
                .then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("The form could not be read"));
    }
}
