package dev.bricks.cart.api;

import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: a signed-in customer (JWT) or an anonymous shopper. Resolving the identity
 * fails with 401 for a bad token, so a forged token is never mistaken for "anonymous"; so does an
 * Authorization header that carries no bearer token at all ("Bearer " alone, Basic, ...).
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final RoutingContext request;

    Caller(SecurityIdentity identity, JsonWebToken jwt, RoutingContext request) {
        this.identity = identity;
        this.jwt = jwt;
        this.request = request;
    }

    /** The JWT subject (the customer id), or "" when anonymous. */
    public String subject() {
        if (identity.isAnonymous()) {
            if (request.request().getHeader("Authorization") != null) {
                throw new UnauthorizedException();
            }
            return "";
        }
        return jwt.getSubject() == null ? "" : jwt.getSubject();
    }

    /**
     * The customer id of a signed-in caller who may place an order: order-service stores an order
     * only for a customer id (a UUID) with an e-mail, so a token without them is refused here
     * rather than accepted with 202 and dead-lettered later.
     */
    public String customerId() {
        String subject = subject();
        String email = email();
        if (!isUuid(subject) || email == null || email.isBlank()) {
            throw new ProblemException(403, "Forbidden",
                    "checkout needs a customer token: its subject must be a customer id and it must carry an e-mail");
        }
        return subject;
    }

    private static boolean isUuid(String value) {
        try {
            return value.length() == 36 && UUID.fromString(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The {@code email} claim, falling back to {@code upn}. */
    public String email() {
        String email = jwt.getClaim("email");
        return email != null ? email : jwt.getClaim("upn");
    }
}
