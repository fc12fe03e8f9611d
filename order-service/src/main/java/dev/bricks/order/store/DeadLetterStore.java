package dev.bricks.order.store;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The index of the dead-letter topic and the log of replays. */
@ApplicationScoped
public class DeadLetterStore {

    private final EntityManager em;

    DeadLetterStore(EntityManager em) {
        this.em = em;
    }

    /** A record as read from the dead-letter topic, with what could be read out of its value. */
    public record Arrival(String dlqTopic, int dlqPartition, long dlqOffset, Instant deadLetteredAt,
            String sourceTopic, Integer sourcePartition, Long sourceOffset, String key, String value, String reason,
            String orderId, String customerId, String email) {
    }

    /** @return true if indexed now, false if this record of the topic was indexed before (a redelivery) */
    @Transactional
    public boolean index(Arrival a) {
        return em.createNativeQuery("""
                insert into dead_letters (dlq_topic, dlq_partition, dlq_offset, dead_lettered_at, source_topic,
                                          source_partition, source_offset, record_key, record_value, reason,
                                          order_id, customer_id, email, status, reason_changed_at)
                values (:topic, :partition, :offset, :at, :sourceTopic, :sourcePartition, :sourceOffset, :key,
                        :value, :reason, :orderId, :customerId, :email, 'OPEN', :at)
                on conflict (dlq_topic, dlq_partition, dlq_offset) do nothing
                """)
                .setParameter("topic", a.dlqTopic())
                .setParameter("partition", a.dlqPartition())
                .setParameter("offset", a.dlqOffset())
                .setParameter("at", a.deadLetteredAt())
                .setParameter("sourceTopic", a.sourceTopic())
                .setParameter("sourcePartition", a.sourcePartition())
                .setParameter("sourceOffset", a.sourceOffset())
                .setParameter("key", a.key())
                .setParameter("value", a.value())
                .setParameter("reason", a.reason())
                .setParameter("orderId", a.orderId())
                .setParameter("customerId", a.customerId())
                .setParameter("email", a.email())
                .executeUpdate() == 1;
    }

    public Optional<DeadLetterEntity> find(String topic, long id) {
        return DeadLetterEntity.<DeadLetterEntity>findByIdOptional(id).filter(d -> d.dlqTopic.equals(topic));
    }

    /** The dead letter, its row locked until the caller's transaction ends (recording a replay). */
    public Optional<DeadLetterEntity> findForUpdate(String topic, long id) {
        return DeadLetterEntity.<DeadLetterEntity>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(d -> d.dlqTopic.equals(topic));
    }

    /** One page of dead letters and how many match in all. */
    public record Slice(List<DeadLetterEntity> items, long totalItems) {
    }

    /** One page of the topic's dead letters, newest first; a null status or reason does not filter. */
    public Slice page(String topic, DeadLetterEntity.Status status, String reason,
            int page, int size) {
        PanacheQuery<DeadLetterEntity> query = query(topic, status, reason).page(Page.of(page, size));
        return new Slice(query.list(), query.count());
    }

    private static PanacheQuery<DeadLetterEntity> query(String topic, DeadLetterEntity.Status status,
            String reason) {
        StringBuilder where = new StringBuilder("dlqTopic = :topic");
        Parameters params = Parameters.with("topic", topic);
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        if (reason != null) {
            where.append(" and reason = :reason");
            params.and("reason", reason);
        }
        return DeadLetterEntity.find(where.toString(),
                Sort.descending("deadLetteredAt").and("id", Sort.Direction.Descending), params);
    }

    public long countOpen(String topic) {
        return DeadLetterEntity.count("dlqTopic = ?1 and status = ?2", topic, DeadLetterEntity.Status.OPEN);
    }

    /** The ids of the topic's open dead letters with exactly this reason, oldest first. */
    public List<Long> openWithReason(String topic, String reason) {
        return em.createQuery("""
                select d.id from DeadLetterEntity d
                where d.dlqTopic = :topic and d.status = :status and d.reason = :reason
                order by d.deadLetteredAt, d.id
                """, Long.class)
                .setParameter("topic", topic)
                .setParameter("status", DeadLetterEntity.Status.OPEN)
                .setParameter("reason", reason)
                .getResultList();
    }

    /**
     * Logs a replay; a successful one (stored, or found stored) closes the dead letter, a failed one
     * keeps it open with the new reason.
     */
    public DeadLetterReplayEntity recordReplay(DeadLetterEntity letter, Instant at, String by,
            DeadLetterReplayEntity.Outcome outcome, String reason) {
        DeadLetterReplayEntity replay = new DeadLetterReplayEntity();
        replay.deadLetter = letter;
        replay.replayedAt = at;
        replay.replayedBy = by;
        replay.outcome = outcome;
        replay.reason = reason;
        replay.persist();
        letter.replays.add(replay);
        if (outcome == DeadLetterReplayEntity.Outcome.FAILED) {
            letter.status = DeadLetterEntity.Status.OPEN;
            if (!letter.reason.equals(reason)) {
                letter.reason = reason;
                letter.reasonChangedAt = at;
            }
        } else {
            letter.status = DeadLetterEntity.Status.REPLAYED;
        }
        return replay;
    }
}
