package dev.bricks.customer.api;

import dev.bricks.contracts.customer.Address;
import dev.bricks.contracts.customer.ProfileUpdate;
import dev.bricks.contracts.customer.Registration;
import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.problem.ProblemException;
import java.util.List;

/**
 * Names, e-mails and address lines are single-line text: a control character (NUL above all,
 * which PostgreSQL cannot store in a text column) is a 400 naming the field, never a failed
 * statement. Passwords are only hashed, so they may hold anything.
 */
final class PlainText {

    static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }

    static void check(Registration registration) {
        require("email", registration.email());
        require("name", registration.name());
    }

    static void check(TokenRequest request) {
        require("email", request.email());
    }

    static void check(ProfileUpdate update) {
        require("name", update.name());
        List<Address> addresses = update.addresses();
        for (int i = 0; i < addresses.size(); i++) {
            Address address = addresses.get(i);
            String at = "addresses[" + i + "].";
            require(at + "label", address.label());
            require(at + "line1", address.line1());
            require(at + "line2", address.line2());
            require(at + "postalCode", address.postalCode());
            require(at + "city", address.city());
            require(at + "country", address.country());
        }
    }

    static void require(String field, String value) {
        if (value != null && value.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.badField(field, MESSAGE);
        }
    }
}
