package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;

import dev.bricks.order.backoffice.StaffSession;
import dev.bricks.order.backoffice.ZonePreference;
import dev.bricks.order.order.OrderQuery;
import dev.bricks.order.support.OrderServiceTestResources;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.List;
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

    /** The filters the list and the export share. */
    static Stream<Arguments> badFilters() {
        return Stream.of(
                Arguments.of("from", "+1000000000-01-01T00:00:00Z"),
                Arguments.of("to", "-1000000000-01-01T00:00:00Z"),
                Arguments.of("from", "yesterday"),
                Arguments.of("customerId", "not-a-uuid"),
                Arguments.of("status", "SHIPPED"));
    }

    static Stream<Arguments> badListParameters() {
        return Stream.concat(badFilters(), Stream.of(
                Arguments.of("page", "2147483647"),
                Arguments.of("page", Integer.toString(OrderQuery.MAX_PAGE + 1)),
                Arguments.of("page", "-1"),
                Arguments.of("page", "two"),
                Arguments.of("q", "lamp"),
                Arguments.of("q", "not-a-uuid-but-thirty-six-characters")));
    }

    /** The page's error message (not the re-rendered form, which names every field anyway) names the parameter. */
    private static org.hamcrest.Matcher<String> anErrorNaming(String name) {
        return containsString("id=\"error\" role=\"alert\">" + name + ": ");
    }

    @ParameterizedTest(name = "/backoffice/orders?{0}={1}")
    @MethodSource("badListParameters")
    void aBadFilterOrPageIsA400PageNamingIt(String name, String value) {
        withCookie(STAFF).queryParam(name, value).get("/backoffice/orders").then().statusCode(400)
                .contentType(containsString("text/html")).body(anErrorNaming(name));
    }

    static Stream<Arguments> badSummaryRanges() {
        return Stream.of(
                Arguments.of("range=year", "range"),
                Arguments.of("range=custom&from=yesterday", "from"),
                Arguments.of("range=custom&from=2026-03-02&to=2026-03-01", "to"),
                Arguments.of("range=custom&from=2020-01-01&to=2026-01-01", "to"),
                Arguments.of("range=custom&from=2026-01-01&to=%2B99999-01-01", "to"));
    }

    @ParameterizedTest(name = "/backoffice?{0}")
    @MethodSource("badSummaryRanges")
    void aBadSummaryRangeIsA400PageNamingTheField(String query, String field) {
        withCookie(STAFF).urlEncodingEnabled(false).get("/backoffice?" + query).then().statusCode(400)
                .contentType(containsString("text/html")).body(anErrorNaming(field));
    }

    @Test
    void badDeadLetterPagesAndSettingsAre4xxPages() {
        withCookie(STAFF).queryParam("page", "-1").get("/backoffice/dead-letters").then().statusCode(400)
                .contentType(containsString("text/html")).body(anErrorNaming("page"));
        withCookie(STAFF).queryParam("status", "LOST").get("/backoffice/dead-letters").then().statusCode(400)
                .body(anErrorNaming("status"));
        for (String id : List.of("abc", "999999999999", "-1")) {
            withCookie(STAFF).get("/backoffice/dead-letters/" + id).then().statusCode(404)
                    .contentType(containsString("text/html"));
            withCookie(STAFF).post("/backoffice/dead-letters/" + id + "/replay").then().statusCode(404)
                    .contentType(containsString("text/html"));
        }
        withCookie(STAFF).contentType("application/x-www-form-urlencoded").post("/backoffice/dead-letters/replay")
                .then().statusCode(400).body(containsString("reason"));
        withCookie(STAFF).contentType("application/x-www-form-urlencoded").body("reason=%zz")
                .post("/backoffice/dead-letters/replay").then().statusCode(400).body(containsString("reason"));
        for (String body : List.of("zone=Mars%2FOlympus", "zone=", "", "zone=%zz", "zone=GMT%2B5")) {
            withCookie(STAFF).contentType("application/x-www-form-urlencoded").body(body).post("/backoffice/settings")
                    .then().statusCode(400).contentType(containsString("text/html")).body(containsString("zone:"));
        }
        withCookie(STAFF).contentType("application/x-www-form-urlencoded").body("zone=Europe%2FBerlin")
                .post("/backoffice/settings").then().statusCode(303).header("Location", endsWith("/backoffice"))
                .cookie(ZonePreference.COOKIE, "Europe%2FBerlin");
        withCookie(STAFF).cookie(ZonePreference.COOKIE, "Not/AZone").get("/backoffice").then().statusCode(200)
                .body(containsString("id=\"zone\" title=\"Times are shown in this time zone\">UTC<"));
    }

    @ParameterizedTest(name = "/backoffice/export.csv?{0}={1}")
    @MethodSource("badFilters")
    void aBadFilterOfTheExportIsA400NamingIt(String name, String value) {
        withCookie(STAFF).queryParam(name, value).get("/backoffice/export.csv").then().statusCode(400)
                .body(containsString(name + ": "));
    }

    @Test
    void theExportHasNoPageNorSearchBoxAndIgnoresThem() {
        withCookie(STAFF).queryParam("page", "two").queryParam("q", "lamp")
                .queryParam("customerId", UUID.randomUUID().toString()).get("/backoffice/export.csv").then()
                .statusCode(200).contentType(containsString("text/csv")).body(startsWith("orderId,placedAt,"));
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
        for (String page : List.of("/backoffice/orders", "/backoffice/dead-letters", "/backoffice/dead-letters/1",
                "/backoffice/settings", "/backoffice?range=7d")) {
            withCookie(cookie).get(page).then().statusCode(200).body(containsString("id=\"signin\""));
        }
        for (String action : List.of("/backoffice/dead-letters/1/replay", "/backoffice/dead-letters/replay",
                "/backoffice/settings")) {
            withCookie(cookie).contentType("application/x-www-form-urlencoded").body("reason=x&zone=UTC")
                    .post(action).then().statusCode(303).header("Location", endsWith("/backoffice"));
        }
    }

    @Test
    void withoutACookieOrWithACustomersTokenActionsGoToTheSignIn() {
        String customer = TestTokens.customer(UUID.randomUUID().toString(), "shopper@bricks.test");
        given().redirects().follow(false).post("/backoffice/orders/" + UUID.randomUUID() + "/fulfil").then()
                .statusCode(303).header("Location", endsWith("/backoffice"));
        withCookie(customer).post("/backoffice/orders/" + UUID.randomUUID() + "/cancel").then().statusCode(303)
                .header("Location", endsWith("/backoffice"));
        for (String page : List.of("/backoffice", "/backoffice/orders", "/backoffice/dead-letters",
                "/backoffice/dead-letters/1", "/backoffice/settings")) {
            withCookie(customer).get(page).then().statusCode(200).body(containsString("id=\"signin\""));
            given().get(page).then().statusCode(200).body(containsString("id=\"signin\""));
        }
        for (String action : List.of("/backoffice/dead-letters/1/replay", "/backoffice/dead-letters/replay")) {
            withCookie(customer).contentType("application/x-www-form-urlencoded").body("reason=x").post(action)
                    .then().statusCode(303).header("Location", endsWith("/backoffice"));
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("reason=x")
                    .post(action).then().statusCode(303).header("Location", endsWith("/backoffice"));
        }
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
