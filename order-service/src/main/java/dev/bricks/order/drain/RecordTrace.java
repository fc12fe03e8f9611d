package dev.bricks.order.drain;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

/**
 * Stores a drained record inside its trace: the Kafka connector reads the checkout's
 * {@code traceparent} from the record headers and starts the receive span, but ends it before the
 * drain runs and leaves it current nowhere. Made current here, it is the parent of the database
 * statements, and the drain's log lines carry the checkout's trace id.
 */
final class RecordTrace implements AutoCloseable {

    private final Scope scope;
    private final Object previousTraceId;
    private final Object previousSpanId;

    private RecordTrace(Context context) {
        SpanContext span = Span.fromContext(context).getSpanContext();
        this.scope = context.makeCurrent();
        this.previousTraceId = MDC.get("traceId");
        this.previousSpanId = MDC.get("spanId");
        if (span.isValid()) {
            MDC.put("traceId", span.getTraceId());
            MDC.put("spanId", span.getSpanId());
        }
    }

    static RecordTrace of(Message<?> record) {
        return new RecordTrace(TracingMetadata.fromMessage(record).map(TracingMetadata::getCurrentContext)
                .orElse(Context.current()));
    }

    @Override
    public void close() {
        restore("traceId", previousTraceId);
        restore("spanId", previousSpanId);
        scope.close();
    }

    private static void restore(String key, Object previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
