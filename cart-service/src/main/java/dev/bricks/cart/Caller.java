package dev.bricks.cart;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: a signed-in customer (JWT) or an anonymous shopper. Resolving the identity
 * fails with 401 for a bad token, so a forged token is never mistaken for "anonymous".
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    /** The JWT subject (the customer id), or "" when anonymous. */
    public String subject() {
        return identity.isAnonymous() || jwt.getSubject() == null ? "" : jwt.getSubject();
    }

    /** The {@code email} claim, falling back to {@code upn}. */
    public String email() {
        String email = jwt.getClaim("email");
        return email != null ? email : jwt.getClaim("upn");
    }
}
