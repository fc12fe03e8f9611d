package dev.bricks.order;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.order.backoffice.StaffSession;
import dev.bricks.order.support.FakeTokenEndpoint;
import dev.bricks.order.support.OrderServiceTestResources;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The staff session cookie: HttpOnly, SameSite=Strict and scoped to /backoffice, so the API never receives it. */
@QuarkusTest
@QuarkusTestResource(OrderServiceTestResources.class)
class BackofficeSessionIT {

    /** The attributes of the Set-Cookie header that sets {@code name}, lower-cased, the value left out. */
    private static List<String> attributes(Response answer, String name) {
        String header = answer.headers().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no Set-Cookie for " + name + ": " + answer.headers()));
        return Arrays.stream(header.split(";")).skip(1).map(a -> a.trim().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void aStaffSignInSetsAnHttpOnlySameSiteStrictCookieScopedToTheBackoffice() {
        Response answer = given().redirects().follow(false)
                .formParam("email", FakeTokenEndpoint.STAFF_EMAIL)
                .formParam("password", FakeTokenEndpoint.STAFF_PASSWORD)
                .post("/backoffice/signin");
        answer.then().statusCode(303).header("Location", endsWith("/backoffice"));

        List<String> attributes = attributes(answer, StaffSession.COOKIE);
        assertTrue(attributes.contains("httponly"), attributes.toString());
        assertTrue(attributes.contains("samesite=strict"), attributes.toString());
        assertEquals(List.of("path=/backoffice"), attributes.stream().filter(a -> a.startsWith("path=")).toList());
    }

    @Test
    void signingOutClearsTheCookieWithTheSameScope() {
        Response answer = given().redirects().follow(false).post("/backoffice/signout");
        answer.then().statusCode(303);

        List<String> attributes = attributes(answer, StaffSession.COOKIE);
        assertTrue(attributes.contains("max-age=0"), attributes.toString());
        assertTrue(attributes.contains("samesite=strict"), attributes.toString());
        assertEquals(List.of("path=/backoffice"), attributes.stream().filter(a -> a.startsWith("path=")).toList());
    }
}
