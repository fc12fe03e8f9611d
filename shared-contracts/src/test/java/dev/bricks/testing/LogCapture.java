package dev.bricks.testing;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * The log records of a category (and its children) written by the application under test in this
 * JVM, each with the trace and span ids the logging MDC held when it was logged (copied at that
 * moment, on the logging thread: what a log line of that record shows).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One log record: its category, formatted message and the MDC's traceId and spanId (null when absent). */
    public record Line(String category, String message, String traceId, String spanId) {
    }

    private final Logger logger;
    private final Queue<Line> lines = new ConcurrentLinkedQueue<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
    }

    /** Starts capturing the records of {@code category}; close to stop. */
    public static LogCapture of(String category) {
        Logger logger = Logger.getLogger(category);
        LogCapture capture = new LogCapture(logger);
        logger.addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        ext.copyMdc();
        lines.add(new Line(record.getLoggerName(), ext.getFormattedMessage(), blankToNull(ext.getMdc("traceId")),
                blankToNull(ext.getMdc("spanId"))));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    /** The first record that matches, once it has been logged; fails after {@code timeout} without one. */
    public Line await(Predicate<Line> matching, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Line line : lines) {
                if (matching.test(line)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log record " + what + " within " + timeout + "; captured: " + lines());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
