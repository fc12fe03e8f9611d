package dev.bricks.customer;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.customer.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** Logs carry customer ids only: never an e-mail address or a password, whatever the request did. */
@QuarkusTest
class NoPersonalDataInLogsIT {

    /** Every log line of this JVM (the application's included) while it is installed, as text. */
    static final class Capture extends Handler {
        final List<String> lines = new CopyOnWriteArrayList<>();
        private final SimpleFormatter formatter = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + formatter.formatMessage(record));
            if (record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(' ').append(trace);
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void registrationSignInAndProfileChangesLogNoEmailAndNoPassword() {
        String email = Api.uniqueEmail("Logged-Not");
        String password = "secret-" + java.util.UUID.randomUUID();
        Logger root = Logger.getLogger("");
        Capture capture = new Capture();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        String id;
        try {
            id = Api.register(email, password, "Private Person").then().statusCode(201).extract().path("id");
            Api.register(email.toUpperCase(Locale.ROOT), password, "Twice").then().statusCode(409);
            Api.register(email, "short", "Bad").then().statusCode(400);
            Api.signIn(email, password + "-wrong").then().statusCode(401);
            Api.signIn("nobody-" + email, password).then().statusCode(401);
            String token = Api.signIn(email, password).then().statusCode(200).extract().path("accessToken");
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("name", "Private Person", "addresses", List.of()))
                    .put("/api/customers/me").then().statusCode(200);
        } finally {
            root.removeHandler(capture);
        }

        String logged = String.join("\n", capture.lines);
        // the capture works: the service logged what it did, by customer id
        assertTrue(logged.contains(id), "no log line names customer " + id + ":\n" + logged);
        String lower = logged.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains(email.toLowerCase(Locale.ROOT)), "an e-mail address was logged:\n" + logged);
        assertFalse(lower.contains(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT)),
                "the local part of an e-mail address was logged:\n" + logged);
        assertFalse(logged.contains(password), "a password was logged:\n" + logged);
    }
}
