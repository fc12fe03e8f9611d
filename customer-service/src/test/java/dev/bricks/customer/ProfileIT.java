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
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private static Map<String, Object> address(int n) {
        return Map.of("label", "a" + n, "line1", n + " Main St", "postalCode", "1000" + n, "city", "Springfield",
                "country", "US");
    }

    private static String idOf(String token) {
        return given().auth().oauth2(token).get("/api/customers/me").then().statusCode(200).extract().path("id");
    }

    @Test
    void aProfileHoldsAtMost10AddressesAndAnEleventhIsA400ThatChangesNothing() {
        String token = Api.newCustomerToken("ten-addresses");
        List<Map<String, Object>> ten = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(ProfileIT::address)
                .toList();
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Ten", "addresses", ten))
                .put("/api/customers/me").then().statusCode(200).body("addresses", hasSize(10));

        List<Map<String, Object>> eleven = new java.util.ArrayList<>(ten);
        eleven.add(address(11));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Eleven", "addresses", eleven))
                .put("/api/customers/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("addresses"));
        given().auth().oauth2(token).get("/api/customers/me").then().statusCode(200)
                .body("name", equalTo("Ten"), "addresses", hasSize(10), "addresses[9].label", equalTo("a10"));
    }

    @Test
    void anUpdateRacingAnotherChangeOfTheProfileIsA409AndChangesNothing() throws Exception {
        String token = Api.newCustomerToken("raced-profile");
        UUID id = UUID.fromString(idOf(token));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Before", "addresses",
                List.of(HOME))).put("/api/customers/me").then().statusCode(200);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = Api.primary()) {
            other.setAutoCommit(false);
            // another writer holds the row: the update reads the profile, then waits for the row
            try (PreparedStatement lock = other.prepareStatement("select 1 from customer where id = ? for update")) {
                lock.setObject(1, id);
                lock.executeQuery().close();
            }
            Future<Response> update = pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", "Mine", "addresses", List.of(address(1), address(2))))
                    .put("/api/customers/me"));
            awaitAWriteWaitingForALock(update);
            // ... and changes it meanwhile: the profile the update read is stale
            try (PreparedStatement change = other.prepareStatement(
                    "update customer set name = 'Theirs', version = version + 1 where id = ?")) {
                change.setObject(1, id);
                change.executeUpdate();
            }
            other.commit();

            update.get(30, TimeUnit.SECONDS).then().statusCode(409).contentType("application/problem+json");
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(token).get("/api/customers/me").then().statusCode(200)
                .body("name", equalTo("Theirs"), "addresses", hasSize(1), "addresses[0].city", equalTo("Berlin"));
    }

    private static void awaitAWriteWaitingForALock(Future<Response> update) throws Exception {
        try (Connection db = Api.primary();
                PreparedStatement waiting = db.prepareStatement("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'")) {
            for (int attempt = 0; attempt < 100; attempt++) {
                try (ResultSet rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) > 0) {
                        return;
                    }
                }
                if (update.isDone()) {
                    throw new AssertionError("the update did not wait for the row: " + update.get().asString());
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the update never waited for the locked row");
    }

    @Test
    void aValueTheDatabaseRefusesIsA400AndChangesNothing() throws Exception {
        String token = Api.newCustomerToken("refused-value");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("name", "Kept", "addresses",
                List.of(HOME))).put("/api/customers/me").then().statusCode(200);
        String refused = "Refused " + UUID.randomUUID();
        String name = "it_refuse_" + UUID.randomUUID().toString().replace("-", "");
        // the database refuses this one name with a data exception (SQLSTATE class 22) that no input check knows
        execute("create function " + name + "() returns trigger language plpgsql as $$ begin"
                + " if new.name = '" + refused + "' then raise exception 'refused' using errcode = '22023'; end if;"
                + " return new; end $$");
        try {
            execute("create trigger " + name + " before insert or update on customer for each row execute function "
                    + name + "()");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", refused, "addresses", List.of(address(1), address(2))))
                    .put("/api/customers/me").then().statusCode(400).contentType("application/problem+json");
            given().auth().oauth2(token).get("/api/customers/me").then().statusCode(200)
                    .body("name", equalTo("Kept"), "addresses", hasSize(1), "addresses[0].city", equalTo("Berlin"));

            String email = Api.uniqueEmail("refused-registration");
            Api.register(email, Api.PASSWORD, refused).then().statusCode(400)
                    .contentType("application/problem+json");
            Api.signIn(email, Api.PASSWORD).then().statusCode(401); // no account was created
        } finally {
            execute("drop trigger if exists " + name + " on customer");
            execute("drop function if exists " + name + "()");
        }
    }

    private static void execute(String sql) throws Exception {
        try (Connection db = Api.primary(); Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
