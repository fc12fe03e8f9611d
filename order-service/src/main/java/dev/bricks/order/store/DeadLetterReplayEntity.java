package dev.bricks.order.store;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One replay of a dead letter: who, when, and what came of it (the reason when it failed again). */
@Entity
@Table(name = "dead_letter_replays")
public class DeadLetterReplayEntity extends PanacheEntityBase {

    /** STORED: the order is stored now; ALREADY_STORED: it was stored before, nothing changed; FAILED. */
    public enum Outcome { STORED, ALREADY_STORED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne
    @JoinColumn(name = "dead_letter_id")
    public DeadLetterEntity deadLetter;

    @Column(name = "replayed_at")
    public Instant replayedAt;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String reason;
}
