package dev.bricks.customer.signin;

import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.customer.TokenResponse;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.customer.password.PasswordHasher;
import dev.bricks.customer.store.Customer;
import dev.bricks.customer.store.CustomerReads;
import dev.bricks.customer.store.DatabaseCalls;
import dev.bricks.customer.token.TokenIssuer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Exchanges e-mail + password for a token. An unknown e-mail and a wrong password take the same
 * path (a bcrypt check either way) and end in the same 401; repeated failures for one e-mail are
 * slowed down by {@link SignInThrottle}.
 */
@ApplicationScoped
public class SignInService {

    private static final Logger LOG = Logger.getLogger(SignInService.class);

    private final CustomerReads reads;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final TokenIssuer tokens;

    SignInService(CustomerReads reads, PasswordHasher hasher, SignInThrottle throttle, TokenIssuer tokens) {
        this.reads = reads;
        this.hasher = hasher;
        this.throttle = throttle;
        this.tokens = tokens;
    }

    public TokenResponse signIn(TokenRequest request) {
        String email = request.email().trim();
        throttle.checkAllowed(email);
        Optional<Customer> account = DatabaseCalls.read(() -> reads.byEmail(email));
        if (!hasher.matches(request.password(), account.map(c -> c.passwordHash).orElse(null))) {
            throttle.recordFailure(email);
            throw new ProblemException(401, "Unauthorized", "unknown e-mail or wrong password");
        }
        throttle.recordSuccess(email);
        Customer customer = account.get();
        LOG.debugf("customer %s signed in", customer.id);
        return tokens.issue(customer);
    }
}
