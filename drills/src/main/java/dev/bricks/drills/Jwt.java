package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Reads claims of a JWT without checking its signature (the shop checks it; we only need the subject). */
public final class Jwt {

    private Jwt() {
    }

    /** The token's {@code sub} claim: for a customer-service token, the customer id. */
    public static String subject(String token) {
        JsonNode sub = claims(token).get("sub");
        if (sub == null || !sub.isTextual() || sub.asText().isBlank()) {
            throw new IllegalArgumentException("the token has no subject");
        }
        return sub.asText();
    }

    /** The payload (second part) of a compact JWS as JSON. */
    public static JsonNode claims(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a compact JWT (" + parts.length + " parts)");
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            return Answer.JSON.readTree(new String(payload, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalArgumentException("unreadable JWT payload: " + e.getMessage(), e);
        }
    }
}
