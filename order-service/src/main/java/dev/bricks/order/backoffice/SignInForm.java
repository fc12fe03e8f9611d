package dev.bricks.order.backoffice;

import java.util.Map;

/** The sign-in form's fields ({@link FormFields}); {@code tz} is the browser's time zone, filled in by the page. */
record SignInForm(String email, String password, String tz) {

    /** The first value of each field, null if absent; @throws IllegalArgumentException if not a readable form */
    static SignInForm parse(String body) {
        Map<String, String> fields = FormFields.parse(body);
        return new SignInForm(fields.get("email"), fields.get("password"), fields.get("tz"));
    }
}
