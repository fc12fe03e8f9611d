package dev.bricks.order.deadletter;

import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.contracts.problem.ProblemException;
import dev.bricks.order.drain.OrderIntake;
import dev.bricks.order.drain.UnprocessableRecordException;
import dev.bricks.order.order.Caller;
import dev.bricks.order.store.DeadLetterEntity;
import dev.bricks.order.store.DeadLetterReplayEntity;
import dev.bricks.order.store.DeadLetterStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Staff's view of the dead-letter topic and the replay of its records. A replay goes through
 * {@link OrderIntake}, the drain's own check and exactly-once insert: replaying twice, or replaying an
 * order that is stored already, stores nothing twice. Each replay is logged; one that fails again keeps
 * the dead letter open with the new reason.
 */
@ApplicationScoped
public class DeadLetterService {

    public static final int MAX_BATCH = 200;

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    private final DeadLetterStore store;
    private final OrderIntake intake;
    private final String topic;

    public DeadLetterService(DeadLetterStore store, OrderIntake intake,
            @ConfigProperty(name = "bricks.orders.dlq-topic") String topic) {
        this.store = store;
        this.intake = intake;
        this.topic = topic;
    }

    @Transactional
    public DeadLetterPage list(String status, String reason, int page, int size) {
        DeadLetterStore.Slice slice = store.page(topic, status(status), text(reason), page, size);
        int pages = (int) ((slice.totalItems() + size - 1) / size);
        return new DeadLetterPage(slice.items().stream().map(d -> view(d, false)).toList(), page, size,
                slice.totalItems(), pages);
    }

    @Transactional
    public DeadLetterView get(String id) {
        return view(find(id), true);
    }

    @Transactional
    public long countOpen() {
        return store.countOpen(topic);
    }

    /** Replays one dead letter (its id as typed: anything but a known id is a 404). */
    public ReplayResult replay(String id, Caller staff) {
        long key = parseId(id);
        String value = QuarkusTransaction.requiringNew().call(() -> find(key).recordValue);
        return replay(key, value, staff);
    }

    /** Replays the open dead letters with exactly this reason, oldest first, at most {@link #MAX_BATCH}. */
    public ReplayBatch replayAll(String reason, Caller staff) {
        String wanted = text(reason);
        if (wanted == null) {
            throw ProblemException.badField("reason", "must be the reason of the dead letters to replay");
        }
        List<Long> ids = QuarkusTransaction.requiringNew().call(() -> store.openWithReason(topic, wanted));
        List<ReplayResult> results = new ArrayList<>();
        int stored = 0;
        int already = 0;
        int failed = 0;
        for (Long key : ids.subList(0, Math.min(ids.size(), MAX_BATCH))) {
            String value = QuarkusTransaction.requiringNew().call(() -> find(key).recordValue);
            ReplayResult result = replay(key, value, staff);
            results.add(result);
            switch (result.outcome()) {
                case "STORED" -> stored++;
                case "ALREADY_STORED" -> already++;
                default -> failed++;
            }
        }
        long remaining = QuarkusTransaction.requiringNew().call(() -> store.openWithReason(topic, wanted).size())
                .longValue();
        return new ReplayBatch(wanted, stored, already, failed, remaining, results);
    }

    private ReplayResult replay(long key, String value, Caller staff) {
        DeadLetterReplayEntity.Outcome outcome;
        String reason = null;
        String orderId = null;
        try {
            OrderPlaced order = intake.read(value);
            orderId = order.orderId();
            outcome = intake.store(order) == OrderIntake.Outcome.STORED ? DeadLetterReplayEntity.Outcome.STORED
                    : DeadLetterReplayEntity.Outcome.ALREADY_STORED;
        } catch (UnprocessableRecordException e) {
            outcome = DeadLetterReplayEntity.Outcome.FAILED;
            reason = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warnf("replay of dead letter %d: the orders database does not answer: %s", key, e.getMessage());
            throw ProblemException.unavailable("the orders database does not answer; replay again shortly", 5);
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        DeadLetterReplayEntity.Outcome done = outcome;
        String why = reason;
        String order = orderId;
        QuarkusTransaction.requiringNew().run(() -> {
            DeadLetterEntity letter = store.findForUpdate(topic, key)
                    .orElseThrow(() -> ProblemException.notFound("no dead letter " + key));
            store.recordReplay(letter, at, staff.email(), done, why);
        });
        LOG.infof("dead letter %d replayed by %s: %s%s", key, staff.email(), done, why == null ? "" : " (" + why + ")");
        return new ReplayResult(key, order, done.name(), why, at, staff.email());
    }

    private DeadLetterEntity find(String id) {
        return find(parseId(id));
    }

    private DeadLetterEntity find(long id) {
        return store.find(topic, id).orElseThrow(() -> ProblemException.notFound("no dead letter " + id));
    }

    private static long parseId(String id) {
        if (id != null && id.matches("[0-9]{1,18}")) {
            return Long.parseLong(id);
        }
        throw ProblemException.notFound("no dead letter " + id);
    }

    static DeadLetterEntity.Status status(String value) {
        String v = text(value);
        if (v == null || v.equalsIgnoreCase("ALL")) {
            return v == null ? DeadLetterEntity.Status.OPEN : null;
        }
        try {
            return DeadLetterEntity.Status.valueOf(v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField("status", "must be OPEN, REPLAYED or ALL");
        }
    }

    private static DeadLetterView view(DeadLetterEntity d, boolean withReplays) {
        return new DeadLetterView(d.id, d.deadLetteredAt, d.reason, d.status.name(), d.orderId, d.customerId,
                d.email, new DeadLetterView.Source(d.sourceTopic, d.sourcePartition, d.sourceOffset), d.recordKey,
                d.recordValue, withReplays ? d.replays.stream().map(r -> new DeadLetterView.Replay(r.replayedAt,
                        r.replayedBy, r.outcome.name(), r.reason)).toList() : List.of());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
