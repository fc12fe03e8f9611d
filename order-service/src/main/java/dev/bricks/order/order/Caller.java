package dev.bricks.order.order;

import dev.bricks.contracts.Roles;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is asking: the subject (customer id), the e-mail to record as actor, and whether staff. */
public record Caller(String subject, String email, boolean staff) {

    public static Caller of(JsonWebToken token) {
        String email = token.getClaim("email");
        if (email == null) {
            email = token.getName();
        }
        Set<String> groups = token.getGroups();
        return new Caller(token.getSubject(), email == null ? token.getSubject() : email,
                groups != null && groups.contains(Roles.STAFF));
    }
}
