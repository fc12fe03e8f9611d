package dev.bricks.order.drain;

import dev.bricks.contracts.database.DatabaseFailures;
import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.order.store.OrderStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one way a record of {@code orders.placed} becomes a stored order, for the drain and for a
 * replay of a dead letter alike: {@link #read} checks it, {@link #store} inserts it exactly once.
 */
@ApplicationScoped
public class OrderIntake {

    /** What came of a record that could be read. */
    public enum Outcome { STORED, ALREADY_STORED }

    private final OrderPlacedReader reader = new OrderPlacedReader();
    private final OrderStore store;

    public OrderIntake(OrderStore store) {
        this.store = store;
    }

    /** The checked order; @throws UnprocessableRecordException saying why it can never be stored */
    public OrderPlaced read(String text) {
        return reader.read(text);
    }

    /**
     * Stores the order unless an order with its id is stored already (one transaction).
     *
     * @throws UnprocessableRecordException if the database refuses the record's data (SQLSTATE 22/23)
     * @throws RuntimeException if the database does not answer: a retry may succeed
     */
    public Outcome store(OrderPlaced order) {
        try {
            return store.storeOnce(order) ? Outcome.STORED : Outcome.ALREADY_STORED;
        } catch (RuntimeException e) {
            if (DatabaseFailures.isRefusedData(e)) {
                throw new UnprocessableRecordException("rejected by the database: " + rootMessage(e), e);
            }
            throw e;
        }
    }

    /** {@link #read} then {@link #store}, once. */
    public Outcome take(String text) {
        return store(read(text));
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
