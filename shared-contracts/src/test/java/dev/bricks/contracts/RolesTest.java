package dev.bricks.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void theRolesAreTheLowerCaseGroupNamesThatTokensCarry() {
        // tokens already issued, the customer table's CHECK constraint and @RolesAllowed all use these
        assertEquals("customer", Roles.CUSTOMER);
        assertEquals("staff", Roles.STAFF);
        assertNotEquals(Roles.CUSTOMER, Roles.STAFF);
    }
}
