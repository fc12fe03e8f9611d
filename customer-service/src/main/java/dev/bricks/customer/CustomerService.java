package dev.bricks.customer;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.customer.CustomerProfile;
import dev.bricks.contracts.customer.ProfileUpdate;
import dev.bricks.contracts.customer.Registration;
import dev.bricks.contracts.database.DatabaseFailures;
import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

/**
 * Registration and profile. Each write is one short transaction on the primary: it either commits
 * or leaves nothing behind; when the database is unreachable (a failover) it answers 503 with
 * Retry-After. Logs carry customer ids, never e-mails or names.
 */
@ApplicationScoped
public class CustomerService {

    static final int RETRY_AFTER_SECONDS = 2;
    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    @Inject
    CustomerStore store;

    @Inject
    CustomerReads reads;

    @Inject
    PasswordHasher hasher;

    public CustomerProfile register(Registration registration) {
        PlainText.check(registration);
        if (!PasswordHasher.fitsBcrypt(registration.password())) {
            throw ProblemException.badField("password", "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.email = registration.email().trim();
        customer.name = registration.name().trim();
        customer.role = Roles.CUSTOMER;
        customer.passwordHash = hasher.hash(registration.password()); // before the transaction: no connection held
        customer.createdAt = now();
        customer.updatedAt = customer.createdAt;

        boolean inserted = write(() -> store.insertIfEmailFree(customer));
        if (!inserted) {
            throw ProblemException.conflict("an account with this e-mail already exists");
        }
        LOG.infof("registered customer %s", customer.id);
        return toProfile(customer);
    }

    public CustomerProfile profile(UUID id) {
        Customer customer = read(() -> reads.byId(id).orElse(null));
        if (customer == null) {
            throw ProblemException.notFound("no customer " + id);
        }
        return toProfile(customer);
    }

    public CustomerProfile updateProfile(UUID id, ProfileUpdate update) {
        PlainText.check(update);
        CustomerProfile profile = write(() -> {
            Customer customer = store.findByIdOptional(id)
                    .orElseThrow(() -> ProblemException.notFound("no customer " + id));
            customer.name = update.name().trim();
            customer.addresses.clear();
            update.addresses().forEach(address -> customer.addresses.add(CustomerAddress.from(address)));
            customer.updatedAt = now();
            store.flush();
            return toProfile(customer);
        });
        LOG.infof("updated profile of customer %s", id);
        return profile;
    }

    /** Runs a read (already retried on connection failures); still failing → 503. */
    static <T> T read(Supplier<T> read) {
        try {
            return read.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isConnectionFailure(e)) {
                LOG.warnf("read failed, the database is unreachable: %s", rootCause(e));
                throw unavailable();
            }
            if (DatabaseFailures.isDataException(e)) {
                throw valueNotStorable();
            }
            throw e;
        }
    }

    /** Runs a write in a transaction of its own and translates how it failed. */
    static <T> T write(Supplier<T> work) {
        try {
            return QuarkusTransaction.requiringNew().call(work::get);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (isConcurrentUpdate(e)) {
                throw ProblemException.conflict("the profile was changed concurrently; read it again and retry");
            }
            if (DatabaseFailures.isUnavailable(e)) {
                LOG.warnf("write not done, the database is unreachable: %s", rootCause(e));
                throw unavailable();
            }
            if (DatabaseFailures.isDataException(e)) {
                throw valueNotStorable();
            }
            throw e;
        }
    }

    static ProblemException unavailable() {
        return ProblemException.unavailable("the customer database is switching to a new primary; retry shortly",
                RETRY_AFTER_SECONDS);
    }

    /** The database refused a value (SQLSTATE class 22); input checks should have caught it first. */
    static ProblemException valueNotStorable() {
        return ProblemException.badRequest("the request holds a value that cannot be stored");
    }

    static CustomerProfile toProfile(Customer customer) {
        return new CustomerProfile(customer.id, customer.email, customer.name, customer.role,
                customer.addresses.stream().map(CustomerAddress::toAddress).toList(),
                customer.createdAt, customer.updatedAt);
    }

    private static boolean isConcurrentUpdate(Throwable error) {
        for (Throwable c = error; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OptimisticLockException || c instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** PostgreSQL keeps microseconds; so does the answer. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
