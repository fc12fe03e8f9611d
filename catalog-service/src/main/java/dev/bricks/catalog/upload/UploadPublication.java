package dev.bricks.catalog.upload;

import dev.bricks.catalog.store.CanonicalProducts;
import dev.bricks.contracts.catalog.Product;
import dev.bricks.contracts.problem.ProblemException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * One upload on its way to Kafka: products come in while the body is still being validated, leave
 * in chunks as soon as a chunk is full, and only a few chunks wait for their acknowledgement at a
 * time. So an upload needs the memory of a few chunks, not of the whole catalogue, and any replica
 * can take an upload of any size its limit allows. A failure to publish is kept until
 * {@link #commit} (validation goes on, so bad input is still answered 400 when Kafka is down);
 * {@link #close} without a commit deletes the upload's topic.
 */
public final class UploadPublication implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UploadPublication.class);
    /** Chunks sent but not yet acknowledged; beyond this the reader waits for the oldest one. */
    static final int CHUNKS_IN_FLIGHT = 8;
    private static final int ENVELOPE_BYTES = 1024;

    private final GenerationPublisher publisher;
    private final String uploadId;
    private final int chunkLimit;
    private final long timeoutNanos;
    private final List<Product> chunk = new ArrayList<>();
    private final Deque<Future<RecordMetadata>> unacknowledged = new ArrayDeque<>();
    private int chunkBytes;
    private int chunks;
    private boolean topicCreated;
    private boolean committed;
    private String unavailable;
    private int retryAfterSeconds;

    /** {@code unavailable}: why this replica can take no upload at all (a 503 with a long Retry-After). */
    UploadPublication(GenerationPublisher publisher, String uploadId, String unavailable) {
        this.publisher = publisher;
        this.uploadId = uploadId;
        this.unavailable = unavailable;
        this.retryAfterSeconds = 60;
        this.chunkLimit = publisher.config().chunkBytes() - ENVELOPE_BYTES;
        this.timeoutNanos = publisher.config().publishTimeout().toNanos();
    }

    /** Adds the next product of the upload; a full chunk is sent at once. */
    public void add(Product product) {
        int size = CanonicalProducts.bytes(product).length + 1;
        if (!chunk.isEmpty() && chunkBytes + size > chunkLimit) {
            send();
        }
        chunk.add(product);
        chunkBytes += size;
    }

    /**
     * Sends what is left, waits until every chunk is acknowledged, then commits the upload and
     * returns its generation number; 503 when Kafka did not take all of it.
     */
    public long commit(Instant activateAt, CatalogueSummary summary, String uploadedBy) {
        if (!chunk.isEmpty()) {
            send();
        }
        try {
            if (unavailable == null) {
                long deadline = System.nanoTime() + timeoutNanos;
                while (!unacknowledged.isEmpty()) {
                    unacknowledged.removeFirst().get(remaining(deadline), TimeUnit.NANOSECONDS);
                }
                RecordMetadata commit;
                Span publishing = publisher.traces().publishing(publisher.config().topic());
                try (Scope ignored = publishing.makeCurrent()) {
                    commit = publisher.producer().send(publisher.commitRecord(uploadId, activateAt,
                            summary.products(), chunks, summary.checksum(), uploadedBy, Instant.now()))
                            .get(remaining(deadline), TimeUnit.NANOSECONDS);
                } finally {
                    publishing.end();
                }
                committed = true;
                long generation = commit.offset() + 1;
                publisher.logPublished(generation, uploadedBy, summary, chunks, activateAt);
                return generation;
            }
        } catch (Exception e) {
            failed(e);
        }
        throw ProblemException.unavailable(unavailable, retryAfterSeconds);
    }

    /** Withdraws an upload that was not committed: its topic goes, so nothing of it stays on Kafka. */
    @Override
    public void close() {
        if (committed || !topicCreated) {
            return;
        }
        unacknowledged.forEach(ack -> ack.cancel(false));
        try {
            publisher.topics().delete(List.of(uploadId));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // the housekeeping deletes topics of uploads that never committed (orphan-upload-age)
            LOG.warnf("upload %s withdrawn, its topic not yet deleted: %s", uploadId, e.toString());
        }
    }

    private void send() {
        List<Product> products = List.copyOf(chunk);
        int index = chunks++;
        chunk.clear();
        chunkBytes = 0;
        if (unavailable != null) {
            return;
        }
        try {
            if (!topicCreated) {
                publisher.topics().create(uploadId, timeoutNanos);
                topicCreated = true;
            }
            if (unacknowledged.size() >= CHUNKS_IN_FLIGHT) {
                unacknowledged.removeFirst().get(timeoutNanos, TimeUnit.NANOSECONDS);
            }
            unacknowledged.addLast(publisher.producer().send(publisher.chunkRecord(uploadId, index, products)));
        } catch (Exception e) {
            failed(e);
        }
    }

    private void failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof ExecutionException || e instanceof TimeoutException || e instanceof InterruptedException
                || e instanceof org.apache.kafka.common.KafkaException) {
            LOG.warnf("upload %s not published: %s", uploadId, e.toString());
            publisher.resetProducer();
            unavailable = "the catalogue could not be published to Kafka; nothing was activated, try again";
            retryAfterSeconds = 10;
        } else if (e instanceof RuntimeException runtime) {
            throw runtime;
        } else {
            throw new IllegalStateException("cannot publish upload " + uploadId, e);
        }
    }

    private static long remaining(long deadline) throws TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("publish timeout");
        }
        return left;
    }
}
