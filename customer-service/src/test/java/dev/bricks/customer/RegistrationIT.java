package dev.bricks.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.bricks.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class RegistrationIT {

    @Test
    void registrationAnswers201WithLocationAndAProfileWithoutPassword() {
        String email = Api.uniqueEmail("register");
        Response created = Api.register(email, Api.PASSWORD, "Ada Lovelace");
        created.then().statusCode(201)
                .header("Location", endsWith("/api/customers/" + created.path("id")))
                .body("email", equalTo(email))
                .body("name", equalTo("Ada Lovelace"))
                .body("role", equalTo("customer"))
                .body("createdAt", notNullValue());
        String body = created.asString().toLowerCase(Locale.ROOT);
        assertFalse(body.contains("password") || body.contains("hash") || body.contains("$2a$"), body);
    }

    @Test
    void concurrentRegistrationsOfOneEmailYieldExactlyOne201() throws Exception {
        String email = Api.uniqueEmail("race");
        int attempts = 20;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                // the same address in different cases: one account, whatever the case
                String variant = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
                Callable<Integer> register = () -> {
                    start.await();
                    return Api.register(variant, Api.PASSWORD, "Racer").statusCode();
                };
                statuses.add(pool.submit(register));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, results.stream().filter(s -> s == 201).count(), "one 201 in " + results);
            assertEquals(attempts - 1, results.stream().filter(s -> s == 409).count(), "the rest 409: " + results);
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = Api.primary();
                PreparedStatement count =
                        db.prepareStatement("select count(*) from customer where lower(email) = lower(?)")) {
            count.setString(1, email);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    @Test
    void aRegisteredEmailIsAConflictInAnyCase() {
        String email = Api.uniqueEmail("twice");
        Api.register(email, Api.PASSWORD, "First").then().statusCode(201);
        Api.register(email.toUpperCase(Locale.ROOT), Api.PASSWORD, "Second").then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("detail", notNullValue());
    }

    @Test
    void invalidFieldsAreNamedInA400() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-email", "password", "short", "name", ""))
                .post("/api/customers")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("email", "name", "password"));
        Api.register(Api.uniqueEmail("long"), "x".repeat(73), "Name").then().statusCode(400)
                .body("errors.field", hasItem("password"));
        Api.register(Api.uniqueEmail("utf8"), "é".repeat(40), "Name").then().statusCode(400)
                .body("errors.field", hasItem("password"));
        given().contentType(ContentType.JSON).body("{\"email\":").post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = { "Ada\u0000Lovelace", "Ada\nLovelace", "Ada\u0007" })
    void aNameWithAControlCharacterIsA400NamingItAndStoresNothing(String name) throws Exception {
        String email = Api.uniqueEmail("control");
        Api.register(email, Api.PASSWORD, name).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"),
                        "detail", equalTo("name: must not contain control characters"));
        try (Connection db = Api.primary();
                PreparedStatement query =
                        db.prepareStatement("select count(*) from customer where lower(email) = lower(?)")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(0, rows.getInt(1));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "{\"email\":", "{\"email\" \"a@b.test\"}", "[]", "\"text\"", "null", "" })
    void aBodyThatIsNotARegistrationIsA400SayingSoWithoutJavaNames(String body) {
        given().contentType(ContentType.JSON).body(body).post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.anyOf(
                        org.hamcrest.Matchers.startsWith("the request body is not valid JSON: "),
                        equalTo("the request body must be a JSON object"),
                        equalTo("body: must not be null")))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("dev.bricks")));
    }

    @Test
    void aWrongContentTypeOrMethodIsAProblem() {
        given().contentType(ContentType.TEXT).body("{}").post("/api/customers")
                .then().statusCode(415).contentType("application/problem+json");
        given().delete("/api/customers").then().statusCode(405).contentType("application/problem+json");
        given().get("/api/customers/token").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void publicRegistrationNeverCreatesStaff() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", Api.uniqueEmail("sneaky"), "password", Api.PASSWORD, "name", "Mallory",
                        "role", "staff", "roles", List.of("staff")))
                .post("/api/customers")
                .then().statusCode(201).body("role", equalTo("customer"));
    }
}
