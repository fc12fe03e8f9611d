package dev.bricks.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A record of the dead-letter topic as indexed by {@link DeadLetterStore#index}; only its status and
 * reason change, when it is replayed.
 */
@Entity
@Table(name = "dead_letters")
public class DeadLetterEntity extends PanacheEntityBase {

    /** OPEN: still to be dealt with; REPLAYED: a replay stored its order (or found it stored). */
    public enum Status { OPEN, REPLAYED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dlq_topic")
    public String dlqTopic;

    @Column(name = "dlq_partition")
    public int dlqPartition;

    @Column(name = "dlq_offset")
    public long dlqOffset;

    @Column(name = "dead_lettered_at")
    public Instant deadLetteredAt;

    @Column(name = "source_topic")
    public String sourceTopic;

    @Column(name = "source_partition")
    public Integer sourcePartition;

    @Column(name = "source_offset")
    public Long sourceOffset;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "record_value")
    public String recordValue;

    public String reason;

    @Column(name = "order_id")
    public String orderId;

    @Column(name = "customer_id")
    public String customerId;

    public String email;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "reason_changed_at")
    public Instant reasonChangedAt;

    @OneToMany(mappedBy = "deadLetter")
    @OrderBy("id")
    public List<DeadLetterReplayEntity> replays = new ArrayList<>();
}
