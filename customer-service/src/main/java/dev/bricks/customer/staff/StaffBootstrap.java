package dev.bricks.customer.staff;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.database.DatabaseFailures;
import dev.bricks.customer.CustomerConfig;
import dev.bricks.customer.password.PasswordHasher;
import dev.bricks.customer.store.Customer;
import dev.bricks.customer.store.CustomerStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Makes sure the configured staff account exists at start-up (after Flyway): created when missing,
 * its password (and staff role) reset when they differ from the configuration, untouched otherwise.
 * Several replicas starting together are fine (one upsert on the unique e-mail index). This is
 * the only way a staff account comes to be; public registration always creates customers.
 */
@ApplicationScoped
public class StaffBootstrap {

    private static final Logger LOG = Logger.getLogger(StaffBootstrap.class);
    private static final int BOOTSTRAP_ATTEMPTS = 20;

    private final CustomerConfig config;
    private final CustomerStore store;
    private final PasswordHasher hasher;

    StaffBootstrap(CustomerConfig config, CustomerStore store, PasswordHasher hasher) {
        this.config = config;
        this.store = store;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) {
        ensureStaffAccount();
    }

    public void ensureStaffAccount() {
        CustomerConfig.Staff staff = config.staff();
        Optional<String> email = staff.email().map(String::trim).filter(e -> !e.isEmpty());
        if (email.isEmpty()) {
            LOG.info("no staff account configured (bricks.customers.staff.email is empty)");
            return;
        }
        Optional<String> hash = staff.passwordHash().map(String::trim).filter(h -> !h.isEmpty());
        Optional<String> password = staff.password().filter(p -> !p.isEmpty());
        if (hash.isPresent() && !PasswordHasher.isBcryptHash(hash.get())) {
            throw new IllegalStateException("bricks.customers.staff.password-hash is not a bcrypt hash");
        }
        if (hash.isEmpty() && password.isEmpty()) {
            throw new IllegalStateException("bricks.customers.staff.email is set but neither"
                    + " bricks.customers.staff.password nor .password-hash");
        }
        if (hash.isEmpty() && !PasswordHasher.fitsBcrypt(password.get())) {
            throw new IllegalStateException("bricks.customers.staff.password is longer than 72 bytes");
        }
        // A replica may start while the database fails over: wait for the new primary a while.
        for (int attempt = 1;; attempt++) {
            try {
                upsert(staff, email.get(), hash, password);
                return;
            } catch (RuntimeException e) {
                if (attempt >= BOOTSTRAP_ATTEMPTS || !DatabaseFailures.isConnectionFailure(e)) {
                    throw e;
                }
                LOG.warnf("staff bootstrap: no primary reachable (attempt %d of %d), retrying", attempt,
                        BOOTSTRAP_ATTEMPTS);
                sleep();
            }
        }
    }

    private void upsert(CustomerConfig.Staff staff, String email, Optional<String> hash, Optional<String> password) {
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<Customer> existing = store.findByEmail(email);
            if (existing.isPresent() && Roles.STAFF.equals(existing.get().role)
                    && hash.map(h -> h.equals(existing.get().passwordHash))
                            .orElseGet(() -> hasher.matches(password.get(), existing.get().passwordHash))) {
                LOG.infof("staff account %s is up to date", existing.get().id);
                return;
            }
            String newHash = hash.orElseGet(() -> hasher.hash(password.get()));
            UUID id = store.upsertStaff(UUID.randomUUID(), email, staff.name(), newHash,
                    Instant.now().truncatedTo(ChronoUnit.MICROS));
            LOG.infof("staff account %s %s from configuration", id, existing.isPresent() ? "updated" : "created");
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
