package dev.bricks.order.drain;

/**
 * A record of {@code orders.placed} that can never be stored as it is; its message is the
 * dead-letter reason.
 */
public class UnprocessableRecordException extends RuntimeException {

    public UnprocessableRecordException(String reason) {
        super(reason);
    }

    public UnprocessableRecordException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
