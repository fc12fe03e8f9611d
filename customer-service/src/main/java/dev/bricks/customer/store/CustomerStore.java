package dev.bricks.customer.store;

import dev.bricks.contracts.Roles;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The customer table. Inserts are native {@code INSERT ... ON CONFLICT DO NOTHING} statements so
 * that the unique index on lower(email) decides a race without an error (an error would also put
 * the e-mail into the server's log through the constraint violation's DETAIL line).
 * Every method expects the caller's transaction.
 */
@ApplicationScoped
public class CustomerStore implements PanacheRepositoryBase<Customer, UUID> {

    public Optional<Customer> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    /** Inserts the account unless the e-mail is taken; true when it was inserted. */
    public boolean insertIfEmailFree(Customer customer) {
        int rows = getEntityManager().createNativeQuery("""
                INSERT INTO customer (id, email, name, password_hash, role, created_at, updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, 0)
                ON CONFLICT ((lower(email))) DO NOTHING""")
                .setParameter(1, customer.id)
                .setParameter(2, customer.email)
                .setParameter(3, customer.name)
                .setParameter(4, customer.passwordHash)
                .setParameter(5, customer.role)
                .setParameter(6, customer.createdAt)
                .executeUpdate();
        return rows == 1;
    }

    /** Creates the staff account or turns the account with that e-mail into it; returns its id. */
    public UUID upsertStaff(UUID newId, String email, String name, String passwordHash, Instant now) {
        Object id = getEntityManager().createNativeQuery("""
                INSERT INTO customer (id, email, name, password_hash, role, created_at, updated_at, version)
                VALUES (?1, ?2, ?3, ?4, ?6, ?5, ?5, 0)
                ON CONFLICT ((lower(email))) DO UPDATE
                   SET password_hash = excluded.password_hash, role = excluded.role,
                       updated_at = excluded.updated_at, version = customer.version + 1
                RETURNING id""")
                .setParameter(1, newId)
                .setParameter(2, email)
                .setParameter(3, name)
                .setParameter(4, passwordHash)
                .setParameter(5, now)
                .setParameter(6, Roles.STAFF)
                .getSingleResult();
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }
}
