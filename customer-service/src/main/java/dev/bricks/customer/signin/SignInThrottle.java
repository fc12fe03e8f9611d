package dev.bricks.customer.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.customer.CustomerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Slows down password guessing for one e-mail: after {@code freeFailures} failed sign-ins within
 * the window, each further failure blocks that e-mail for a while (1 s, 2 s, 4 s ... up to
 * {@code maxBlock}); a blocked e-mail is answered 429 with Retry-After, whether or not an
 * account exists for it. A success forgets the failures.
 *
 * <p>State is in memory and per replica (bounded, least recently used forgotten), so N replicas
 * allow up to N times the attempts; a shared store (e.g. Redis) would make it global.
 */
@ApplicationScoped
public class SignInThrottle {

    private final int freeFailures;
    private final Duration window;
    private final Duration firstBlock;
    private final Duration maxBlock;
    private final Clock clock;
    private final Cache<String, Failures> failures;

    @Inject
    public SignInThrottle(CustomerConfig config) {
        this(config.signIn().freeFailures(), config.signIn().window(), config.signIn().firstBlock(),
                config.signIn().maxBlock(), config.signIn().trackedEmails(), Clock.systemUTC());
    }

    SignInThrottle(int freeFailures, Duration window, Duration firstBlock, Duration maxBlock, int trackedEmails,
            Clock clock) {
        this.freeFailures = freeFailures;
        this.window = window;
        this.firstBlock = firstBlock;
        this.maxBlock = maxBlock;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(trackedEmails)
                .expireAfterWrite(window.plus(maxBlock)).build();
    }

    /** Throws 429 while the e-mail is blocked. */
    public void checkAllowed(String email) {
        Failures current = failures.getIfPresent(key(email));
        Instant now = clock.instant();
        if (current != null && current.blockedUntil() != null && now.isBefore(current.blockedUntil())) {
            long seconds = Math.max(1, (Duration.between(now, current.blockedUntil()).toMillis() + 999) / 1000);
            throw new ProblemException(429, "Too Many Requests",
                    "too many failed sign-ins for this e-mail; try again in " + seconds + " s", null,
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }

    public void recordFailure(String email) {
        Instant now = clock.instant();
        failures.asMap().compute(key(email), (k, previous) -> {
            int count = previous == null || now.isAfter(previous.last().plus(window)) ? 1 : previous.count() + 1;
            Instant blockedUntil = count > freeFailures ? now.plus(blockFor(count - freeFailures)) : null;
            return new Failures(count, now, blockedUntil);
        });
    }

    public void recordSuccess(String email) {
        failures.invalidate(key(email));
    }

    /** 1st extra failure: firstBlock; each further one doubles it, up to maxBlock. */
    Duration blockFor(int extraFailures) {
        int doublings = Math.min(extraFailures - 1, 30);
        Duration block = firstBlock.multipliedBy(1L << doublings);
        return block.compareTo(maxBlock) > 0 ? maxBlock : block;
    }

    private static String key(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }
}
