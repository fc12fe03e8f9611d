package dev.bricks.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.bricks.customer.password.PasswordHasher;
import dev.bricks.customer.staff.StaffBootstrap;
import dev.bricks.customer.support.Api;
import dev.bricks.testing.Launcher;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff account from the configuration: a second bootstrap changes nothing, a customer account is promoted. */
@QuarkusTest
class StaffBootstrapIT {

    @Inject
    StaffBootstrap bootstrap;

    @Inject
    PasswordHasher hasher;

    @Inject
    JWTParser parser;

    private String email;
    private String password;

    record Row(UUID id, String role, String passwordHash, Instant updatedAt, long version) {
    }

    @BeforeEach
    void configuredStaff() {
        email = Launcher.env("BRICKS_STAFF_EMAIL", null);
        password = Launcher.env("BRICKS_STAFF_PASSWORD", null);
        assertNotNull(email, "run the ITs with the launcher's environment (eval \"$(./bricks env)\")");
        assertNotNull(password, "BRICKS_STAFF_PASSWORD");
    }

    /** The one row with that e-mail (in any letter case). */
    private static Row row(String email) throws Exception {
        try (Connection db = Api.primary(); PreparedStatement query = db.prepareStatement(
                "select id, role, password_hash, updated_at, version from customer where lower(email) = lower(?)")) {
            query.setString(1, email);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                Row row = new Row(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getTimestamp(4).toInstant(), rows.getLong(5));
                assertEquals(false, rows.next(), "more than one account with " + email);
                return row;
            }
        }
    }

    @Test
    void aSecondBootstrapOfAnUpToDateStaffAccountChangesNothing() throws Exception {
        Row before = row(email);
        assertEquals("staff", before.role());

        bootstrap.ensureStaffAccount();

        assertEquals(before, row(email));
    }

    @Test
    void aCustomerAccountWithTheStaffEmailBecomesTheStaffAccountWithTheConfiguredPassword() throws Exception {
        Row staff = row(email);
        String customersPassword = "a customer's own password";
        try (Connection db = Api.primary(); PreparedStatement demote = db.prepareStatement(
                "update customer set role = 'customer', password_hash = ?, version = version + 1 where id = ?")) {
            demote.setString(1, hasher.hash(customersPassword));
            demote.setObject(2, staff.id());
            assertEquals(1, demote.executeUpdate());
        }
        try {
            assertEquals(Set.of("customer"), parser.parse(Api.signIn(email, customersPassword).then()
                    .statusCode(200).extract().path("accessToken")).getGroups());

            bootstrap.ensureStaffAccount();

            Row promoted = row(email);
            assertEquals(staff.id(), promoted.id(), "the same account, promoted, not a second one");
            assertEquals("staff", promoted.role());
            assertEquals(Set.of("staff"), parser.parse(Api.signIn(email, password).then()
                    .statusCode(200).extract().path("accessToken")).getGroups());
            Api.signIn(email, customersPassword).then().statusCode(401);
        } finally {
            bootstrap.ensureStaffAccount(); // the staff account as configured, whatever happened above
        }
    }
}
