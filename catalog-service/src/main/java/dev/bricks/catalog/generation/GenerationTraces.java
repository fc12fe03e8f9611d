package dev.bricks.catalog.generation;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.jboss.logging.MDC;

/**
 * The trace of a catalogue generation across Kafka: the upload writes its context (a W3C
 * {@code traceparent}) into the headers of the records it publishes, and every replica stages the
 * commit in a span whose parent is that context. The generation feed and the upload use plain Kafka
 * clients, which nothing instruments, hence this by hand. The staging runs on the feed's own thread,
 * where Quarkus puts nothing in the logging MDC: the trace and span ids are put there for its log lines.
 */
@ApplicationScoped
public class GenerationTraces {

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;

    public GenerationTraces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.bricks.catalog");
    }

    /** Traces nothing (unit tests of the publisher). */
    public static GenerationTraces off() {
        return new GenerationTraces(OpenTelemetry.noop());
    }

    /** Writes the current trace context into a record's headers ({@code traceparent}). */
    public static void inject(Headers headers) {
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, SETTER);
    }

    /** The trace context a record's headers carry, or the root context when they carry none. */
    static Context extract(Headers headers) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, GETTER);
    }

    /** A span for sending a record to {@code topic}, a child of the current one; the caller ends it. */
    public Span publishing(String topic) {
        return tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .startSpan();
    }

    /** Runs {@code work} in a span that continues the trace the record headers {@code from} carry. */
    void staging(Headers from, String topic, long generation, Runnable work) {
        Span span = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER).setParent(extract(from))
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.destination.name", topic)
                .setAttribute("bricks.catalog.generation", generation).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
            work.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            MDC.remove("traceId");
            MDC.remove("spanId");
            span.end();
        }
    }
}
