package dev.bricks.customer.support;

import static io.restassured.RestAssured.given;

import dev.bricks.testing.Launcher;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/** Calls of the customer API and plain JDBC access to the customers database, for the ITs. */
public final class Api {

    public static final String PASSWORD = "correct horse battery";

    private Api() {
    }

    public static String uniqueEmail(String what) {
        return what + "-" + UUID.randomUUID() + "@it.bricks.test";
    }

    public static Response register(String email, String password, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password, "name", name))
                .post("/api/customers");
    }

    public static Response signIn(String email, String password) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/customers/token");
    }

    /** Registers a new customer and returns a token for it. */
    public static String newCustomerToken(String what) {
        String email = uniqueEmail(what);
        register(email, PASSWORD, "Ada Lovelace").then().statusCode(201);
        return signIn(email, PASSWORD).then().statusCode(200).extract().path("accessToken");
    }

    /** A connection to the current primary, through the same multi-host URL the service uses. */
    public static Connection primary() throws SQLException {
        return DriverManager.getConnection(
                Launcher.env("BRICKS_CUSTOMERS_JDBC_URL",
                        "jdbc:postgresql://127.0.0.1:15432,127.0.0.1:15433,127.0.0.1:15434/customers"
                                + "?targetServerType=primary"),
                Launcher.env("BRICKS_CUSTOMERS_DB_USER", "customers"),
                Launcher.env("BRICKS_CUSTOMERS_DB_PASSWORD", "customers"));
    }
}
