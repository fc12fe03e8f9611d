package dev.bricks.order.backoffice;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fields of a raw {@code application/x-www-form-urlencoded} body, the first value of each: a
 * malformed body (a bad %-escape) is the caller's mistake, which {@code @FormParam} would turn into a
 * 500 before the page could answer it.
 */
final class FormFields {

    private FormFields() {
    }

    /** @throws IllegalArgumentException if the body is not a readable form */
    static Map<String, String> parse(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : (body == null ? "" : body).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.putIfAbsent(name, value);
        }
        return fields;
    }
}
