package dev.bricks.customer.store;

import dev.bricks.contracts.database.DatabaseFailures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * The read path. A read that meets a lost connection (a failover in progress) is retried, each
 * attempt in a fresh transaction with a fresh connection, for about as long as Patroni needs to
 * promote a standby; any other error is not retried. Returns detached entities.
 */
@ApplicationScoped
public class CustomerReads {

    private final CustomerStore store;

    CustomerReads(CustomerStore store) {
        this.store = store;
    }

    @Retry(maxRetries = 12, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DatabaseFailures.ConnectionFailure.class)
    public Optional<Customer> byId(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> store.findByIdOptional(id));
    }

    @Retry(maxRetries = 12, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            maxDuration = 20, durationUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = DatabaseFailures.ConnectionFailure.class)
    public Optional<Customer> byEmail(String email) {
        return QuarkusTransaction.requiringNew().call(() -> store.findByEmail(email));
    }
}
