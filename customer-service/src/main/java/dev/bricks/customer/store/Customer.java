package dev.bricks.customer.store;

import dev.bricks.contracts.Roles;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** An account: a shopper ({@link Roles#CUSTOMER}) or a staff member ({@link Roles#STAFF}). Never serialized as is. */
@Entity
@Table(name = "customer")
public class Customer {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String email;

    @Column(nullable = false)
    public String name;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    /** {@link Roles#CUSTOMER} or {@link Roles#STAFF}: the one group of the account's tokens. */
    @Column(nullable = false)
    public String role;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_address", joinColumns = @JoinColumn(name = "customer_id"))
    @OrderColumn(name = "position")
    public List<CustomerAddress> addresses = new ArrayList<>();
}
