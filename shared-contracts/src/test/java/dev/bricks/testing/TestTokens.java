package dev.bricks.testing;

import dev.bricks.contracts.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Set;

/**
 * Signs tokens the way customer-service does (RS256, issuer {@code bricks-customer-service},
 * subject = customer id, {@code email} claim, group {@link Roles#CUSTOMER} or {@link Roles#STAFF}) with the
 * launcher's private key, so that a brick's tests can call it as a shopper or a staff member.
 */
public final class TestTokens {

    public static final String ISSUER = "bricks-customer-service";

    private TestTokens() {
    }

    public static String customer(String customerId, String email) {
        return sign(customerId, email, Roles.CUSTOMER, Duration.ofMinutes(15));
    }

    public static String staff(String staffId, String email) {
        return sign(staffId, email, Roles.STAFF, Duration.ofMinutes(15));
    }

    /** A token that expired a minute ago. */
    public static String expiredCustomer(String customerId, String email) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).subject(customerId).upn(email).claim("email", email)
                .groups(Set.of(Roles.CUSTOMER)).issuedAt(now - 3600).expiresAt(now - 60).sign(privateKey());
    }

    public static String sign(String subject, String email, String group, Duration lifetime) {
        return Jwt.issuer(ISSUER).subject(subject).upn(email).claim("email", email)
                .groups(Set.of(group)).expiresIn(lifetime).sign(privateKey());
    }

    public static PrivateKey privateKey() {
        Path path = Path.of(Launcher.env("BRICKS_JWT_PRIVATE_KEY",
                Launcher.root().resolve("var/jwt/privateKey.pem").toString()));
        try {
            return KeyUtils.decodePrivateKey(Files.readString(path));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JWT private key " + path
                    + " (run the tests with ./bricks test)", e);
        }
    }
}
