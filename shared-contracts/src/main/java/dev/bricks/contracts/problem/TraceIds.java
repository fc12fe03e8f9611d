package dev.bricks.contracts.problem;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The trace id of the span current on this thread (the request's), or null outside a trace. */
final class TraceIds {

    private TraceIds() {
    }

    static String current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? context.getTraceId() : null;
    }
}
