package dev.bricks.customer.token;

import dev.bricks.contracts.customer.TokenResponse;
import dev.bricks.customer.CustomerConfig;
import dev.bricks.customer.store.Customer;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Signs access tokens exactly as {@code dev.bricks.testing.TestTokens} does (the other bricks'
 * tests rely on it): RS256 with {@code smallrye.jwt.sign.key.location}, issuer, subject = customer
 * id, {@code upn} and {@code email} = e-mail, one group ({@code customer} or {@code staff}).
 */
@ApplicationScoped
public class TokenIssuer {

    private final CustomerConfig.Token config;

    public TokenIssuer(CustomerConfig config) {
        this.config = config.token();
    }

    public TokenResponse issue(Customer customer) {
        long lifetime = config.lifetime().toSeconds();
        String token = Jwt.issuer(config.issuer())
                .subject(customer.id.toString())
                .upn(customer.email)
                .claim("email", customer.email)
                .groups(Set.of(customer.role))
                .expiresIn(lifetime)
                .sign();
        return new TokenResponse(token, lifetime);
    }
}
