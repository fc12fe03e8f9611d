package dev.bricks.customer;

import dev.bricks.contracts.customer.TokenRequest;
import dev.bricks.contracts.customer.TokenResponse;
import dev.bricks.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    CustomerReads reads;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInThrottle throttle;

    @Inject
    TokenIssuer tokens;

    public TokenResponse signIn(TokenRequest request) {
        PlainText.check(request);
        String email = request.email().trim();
        throttle.checkAllowed(email);
        Optional<Customer> account = CustomerService.read(() -> reads.byEmail(email));
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
