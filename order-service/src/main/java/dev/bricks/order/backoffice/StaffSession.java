package dev.bricks.order.backoffice;

import dev.bricks.order.order.Caller;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The back-office keeps the staff member's JWT in an HttpOnly, SameSite=Strict cookie scoped to
 * {@code /backoffice}: scripts cannot read it, other sites cannot make the browser send it, and
 * the API under {@code /api} never receives it (the API takes bearer tokens only).
 */
@ApplicationScoped
public class StaffSession {

    public static final String COOKIE = "bricks_staff";
    static final String PATH = "/backoffice";

    private final JWTParser parser;
    private final boolean secure;

    public StaffSession(JWTParser parser, @ConfigProperty(name = "bricks.backoffice.secure-cookie") boolean secure) {
        this.parser = parser;
        this.secure = secure;
    }

    /** The staff member whose valid (signature, issuer, expiry) staff token the cookie holds. */
    public Optional<Caller> staff(String cookie) {
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        try {
            Caller caller = Caller.of(parser.parse(cookie));
            return caller.staff() ? Optional.of(caller) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    public NewCookie open(String token, long expiresInSeconds) {
        return cookie(token, (int) Math.max(1, Math.min(Integer.MAX_VALUE, expiresInSeconds)));
    }

    public NewCookie close() {
        return cookie("", 0);
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(COOKIE).value(value).path(PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
