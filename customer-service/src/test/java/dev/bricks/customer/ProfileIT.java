package dev.bricks.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bricks.customer.support.Api;
import dev.bricks.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class ProfileIT {

    private static final Map<String, Object> HOME = Map.of("label", "home", "line1", "Unter den Linden 1",
            "postalCode", "10117", "city", "Berlin", "country", "DE");

    @Test
    void aCustomerReadsAndReplacesItsProfileWithItsToken() {
        String token = Api.newCustomerToken("profile");
        given().auth().oauth2(token).get("/api/customers/me")
                .then().statusCode(200).body("name", equalTo("Ada Lovelace")).body("addresses", hasSize(0));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Ada King", "addresses", List.of(HOME, Map.of("line1", "1 Main St",
                        "postalCode", "12345", "city", "Springfield", "country", "US"))))
                .put("/api/customers/me")
                .then().statusCode(200).body("name", equalTo("Ada King")).body("addresses", hasSize(2));

        String profile = given().auth().oauth2(token).get("/api/customers/me")
                .then().statusCode(200)
                .body("name", equalTo("Ada King"))
                .body("addresses[0].city", equalTo("Berlin"))
                .body("addresses[1].country", equalTo("US"))
                .extract().asString();
        assertFalse(profile.toLowerCase().contains("password") || profile.contains("$2a$"), profile);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Ada King", "addresses", List.of()))
                .put("/api/customers/me")
                .then().statusCode(200).body("addresses", hasSize(0));
    }

    @Test
    void anInvalidAddressIsNamedInA400() {
        String token = Api.newCustomerToken("bad-address");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", "Ada", "addresses", List.of(Map.of("line1", "x", "postalCode", "1",
                        "city", "Berlin", "country", "Germany"))))
                .put("/api/customers/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("addresses[0].country"));
    }

    @Test
    void aMissingAddressIsNamedByItsIndex() {
        String token = Api.newCustomerToken("null-address");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"name\":\"Ada\",\"addresses\":[null]}")
                .put("/api/customers/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("addresses[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "name", "line1", "city" })
    void aControlCharacterInTheProfileIsA400NamingTheFieldAndChangesNothing(String field) {
        String token = Api.newCustomerToken("control-profile");
        Map<String, Object> address = new java.util.HashMap<>(HOME);
        String name = "Ada";
        if (field.equals("name")) {
            name = "Ada\u0000";
        } else {
            address.put(field, "x\u0000y");
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "addresses", List.of(address)))
                .put("/api/customers/me")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field.equals("name") ? "name" : "addresses[0]." + field));
        given().auth().oauth2(token).get("/api/customers/me")
                .then().statusCode(200).body("name", equalTo("Ada Lovelace"), "addresses", hasSize(0));
    }

    @Test
    void aCustomerIdThatIsNotAUuidIsANotFoundProblem() {
        String staff = TestTokens.staff(UUID.randomUUID().toString(), "it-staff@it.bricks.test");
        for (String id : new String[] { "not-a-uuid", "x".repeat(300), "------------------------------------" }) {
            given().auth().oauth2(staff).get("/api/customers/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    @Test
    void theProfileNeedsAToken() {
        given().get("/api/customers/me").then().statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "x", "addresses", List.of()))
                .put("/api/customers/me").then().statusCode(401);
    }

    @Test
    void staffReadsAnyProfileAndCustomersCannot() {
        String email = Api.uniqueEmail("looked-up");
        String id = Api.register(email, Api.PASSWORD, "Looked Up").then().statusCode(201).extract().path("id");
        String staff = TestTokens.staff(UUID.randomUUID().toString(), "it-staff@it.bricks.test");
        given().auth().oauth2(staff).get("/api/customers/" + id)
                .then().statusCode(200).body("email", equalTo(email));
        given().auth().oauth2(staff).get("/api/customers/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(Api.newCustomerToken("nosy")).get("/api/customers/" + id).then().statusCode(403);
    }
}
