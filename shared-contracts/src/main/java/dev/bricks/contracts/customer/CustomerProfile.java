package dev.bricks.contracts.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer as the API shows it (never with a password or its hash).
 *
 * @param role {@code customer} or {@code staff}, the group of the customer's tokens
 */
public record CustomerProfile(UUID id, String email, String name, String role, List<Address> addresses,
        Instant createdAt, Instant updatedAt) {
}
