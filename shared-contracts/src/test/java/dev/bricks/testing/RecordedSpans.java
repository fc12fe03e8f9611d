package dev.bricks.testing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import jakarta.inject.Singleton;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * The tests' span exporter (a CDI SpanExporter replaces Quarkus' OTLP one): the last spans the
 * application ended are kept in memory, so that a test can see what its requests traced. Quarkus
 * batches the export, so a span shows up a few seconds after it ended. A bean of every brick's tests:
 * this test-jar carries {@code META-INF/beans.xml}, so Quarkus indexes it.
 */
@Singleton
@Unremovable
public class RecordedSpans implements SpanExporter {

    private static final int KEPT = 20_000;
    private final Deque<SpanData> spans = new ArrayDeque<>();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        spans.addAll(batch);
        while (spans.size() > KEPT) {
            spans.removeFirst();
        }
        return CompletableResultCode.ofSuccess();
    }

    /** The spans of one trace exported so far. */
    public synchronized List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
