package dev.bricks.customer.account;

import dev.bricks.contracts.Roles;
import dev.bricks.contracts.customer.CustomerProfile;
import dev.bricks.contracts.customer.ProfileUpdate;
import dev.bricks.contracts.customer.Registration;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.customer.password.PasswordHasher;
import dev.bricks.customer.store.Customer;
import dev.bricks.customer.store.CustomerAddress;
import dev.bricks.customer.store.CustomerReads;
import dev.bricks.customer.store.CustomerStore;
import dev.bricks.customer.store.DatabaseCalls;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Registration and profile. Each write is one short transaction on the primary ({@link DatabaseCalls}):
 * it either commits or leaves nothing behind; when the database is unreachable (a failover) it
 * answers 503 with Retry-After. Logs carry customer ids, never e-mails or names.
 */
@ApplicationScoped
public class CustomerService {

    private static final Logger LOG = Logger.getLogger(CustomerService.class);

    private final CustomerStore store;
    private final CustomerReads reads;
    private final PasswordHasher hasher;

    CustomerService(CustomerStore store, CustomerReads reads, PasswordHasher hasher) {
        this.store = store;
        this.reads = reads;
        this.hasher = hasher;
    }

    public CustomerProfile register(Registration registration) {
        if (!PasswordHasher.fitsBcrypt(registration.password())) {
            throw ProblemException.badField("password",
                    "must be at most " + PasswordHasher.MAX_BYTES + " bytes in UTF-8");
        }
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.email = registration.email().trim();
        customer.name = registration.name().trim();
        customer.role = Roles.CUSTOMER;
        // hashed before the transaction opens: no connection is held while hashing
        customer.passwordHash = hasher.hash(registration.password());
        customer.createdAt = now();
        customer.updatedAt = customer.createdAt;

        boolean inserted = DatabaseCalls.write(() -> store.insertIfEmailFree(customer));
        if (!inserted) {
            throw ProblemException.conflict("an account with this e-mail already exists");
        }
        LOG.infof("registered customer %s", customer.id);
        return toProfile(customer);
    }

    public CustomerProfile profile(UUID id) {
        Customer customer = DatabaseCalls.read(() -> reads.byId(id).orElse(null));
        if (customer == null) {
            throw ProblemException.notFound("no customer " + id);
        }
        return toProfile(customer);
    }

    public CustomerProfile updateProfile(UUID id, ProfileUpdate update) {
        CustomerProfile profile = DatabaseCalls.write(() -> {
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

    static CustomerProfile toProfile(Customer customer) {
        return new CustomerProfile(customer.id, customer.email, customer.name, customer.role,
                customer.addresses.stream().map(CustomerAddress::toAddress).toList(),
                customer.createdAt, customer.updatedAt);
    }

    /** PostgreSQL keeps microseconds; so does the answer. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
