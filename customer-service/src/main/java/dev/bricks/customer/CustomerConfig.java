package dev.bricks.customer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The brick's own settings, under {@code bricks.customers}. */
@ConfigMapping(prefix = "bricks.customers")
public interface CustomerConfig {

    Token token();

    /** bcrypt cost factor (log2 of the rounds) of new password hashes. */
    @WithDefault("10")
    int bcryptCost();

    SignIn signIn();

    Staff staff();

    interface Token {
        @WithDefault("bricks-customer-service")
        String issuer();

        @WithDefault("PT15M")
        Duration lifetime();
    }

    /** Slowing down of repeated failed sign-ins for one e-mail (in memory, per replica). */
    interface SignIn {
        /** Failures within the window that cost nothing; each further one blocks the e-mail. */
        @WithDefault("5")
        int freeFailures();

        /** How long failures are remembered after the last one. */
        @WithDefault("PT15M")
        Duration window();

        /** Block after the first failure beyond the free ones; doubles with each further one. */
        @WithDefault("PT1S")
        Duration firstBlock();

        @WithDefault("PT5M")
        Duration maxBlock();

        /** Bound of the e-mails tracked at once (least recently used are forgotten). */
        @WithDefault("10000")
        int trackedEmails();
    }

    /** The staff account created at start-up; the public API never creates one. */
    interface Staff {
        Optional<String> email();

        Optional<String> password();

        /** A bcrypt hash ($2a$/$2b$/$2y$) to use instead of a plain password. */
        Optional<String> passwordHash();

        @WithDefault("Bricks staff")
        String name();
    }
}
