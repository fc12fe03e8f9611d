package dev.bricks.order.backoffice;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The sign-in form's fields, read from the raw {@code application/x-www-form-urlencoded} body:
 * a malformed body (a bad %-escape) is the caller's mistake, which {@code @FormParam} would turn
 * into a 500 before the page could answer it.
 */
record SignInForm(String email, String password) {

    /** The first value of each field, null if absent; @throws IllegalArgumentException if not a readable form */
    static SignInForm parse(String body) {
        String email = null;
        String password = null;
        for (String pair : (body == null ? "" : body).split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (email == null && name.equals("email")) {
                email = value;
            } else if (password == null && name.equals("password")) {
                password = value;
            }
        }
        return new SignInForm(email, password);
    }
}
