package dev.bricks.catalog.generation;

import dev.bricks.catalog.CatalogConfig;
import dev.bricks.catalog.store.ProductStore;
import dev.bricks.contracts.catalog.GenerationView;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Which generations this replica holds and which one it serves. The active generation is decided
 * from the clock on every read: the highest-numbered staged generation whose {@code activateAt} has
 * passed. So every replica switches at the same instant without waiting for a timer to fire, and a
 * generation staged late is served the moment it is staged.
 */
@ApplicationScoped
public class GenerationRegistry {

    private static final Logger LOG = Logger.getLogger(GenerationRegistry.class);

    private final ConcurrentSkipListMap<Long, Generation> generations = new ConcurrentSkipListMap<>();
    private final ProductStore store;
    private final Duration retireGrace;
    private final Clock clock;
    private volatile BooleanSupplier replaying = () -> false;

    @Inject
    public GenerationRegistry(ProductStore store, CatalogConfig config, MeterRegistry meters) {
        this(store, config.retireGrace(), Clock.systemUTC());
        meters.gauge("catalog.generation.active", this, r -> r.active().map(a -> (double) a.number()).orElse(-1.0));
        meters.gauge("catalog.generation.active.products", this,
                r -> r.active().map(a -> (double) a.products()).orElse(0.0));
    }

    GenerationRegistry(ProductStore store, Duration retireGrace, Clock clock) {
        this.store = store;
        this.retireGrace = retireGrace;
        this.clock = clock;
    }

    /** The generation to serve now, if any. */
    public Optional<Active> active() {
        Instant now = clock.instant();
        for (Generation generation : generations.descendingMap().values()) {
            if (generation.servable() && !generation.activateAt.isAfter(now)) {
                if (generation.activatedAt == null) {
                    // the instant it became eligible, not when someone first asked
                    generation.activatedAt = generation.activateAt.isAfter(generation.stagedAt)
                            ? generation.activateAt : generation.stagedAt;
                }
                return Optional.of(new Active(generation.number, generation.products, generation.checksum));
            }
        }
        return Optional.empty();
    }

    /** A generation whose instant has passed but that is not staged yet: serving now would serve the old one. */
    public Optional<Long> overdue() {
        Instant now = clock.instant();
        long active = active().map(Active::number).orElse(-1L);
        return generations.tailMap(active, false).values().stream()
                .filter(g -> g.status == Generation.Status.STAGING && !g.activateAt.isAfter(now))
                .map(g -> g.number).findFirst();
    }

    public boolean knows(long number) {
        return generations.containsKey(number);
    }

    /** Known and no longer being staged: staged, failed or dropped. */
    boolean decided(long number) {
        Generation generation = generations.get(number);
        return generation != null && generation.status != Generation.Status.STAGING;
    }

    void staging(long number, Instant activateAt, int products, String checksum) {
        generations.put(number, new Generation(number, activateAt, products, checksum, null, false));
    }

    void staging(long number, GenerationCommit commit, boolean ownTopic) {
        generations.put(number, new Generation(number, commit.activateAt(), commit.products(), commit.checksum(),
                commit.uploadId(), ownTopic));
    }

    /** A generation a joining replica will never serve (superseded before it started): known, never staged. */
    void skipped(long number, GenerationCommit commit) {
        Generation generation = new Generation(number, commit.activateAt(), commit.products(), commit.checksum(),
                commit.uploadId(), true);
        generation.status = Generation.Status.DROPPED;
        generations.putIfAbsent(number, generation);
    }

    void staged(long number, Duration stagingTime) {
        Generation generation = generations.get(number);
        generation.stagingMillis = stagingTime.toMillis();
        generation.stagedAt = clock.instant();
        generation.status = Generation.Status.STAGED;
        LOG.infof("generation %d staged (%d products, %d ms), activates at %s", number, generation.products,
                generation.stagingMillis, generation.activateAt);
        retire();
    }

    void failed(long number, String reason) {
        Generation generation = generations.get(number);
        generation.failure = reason;
        generation.status = Generation.Status.FAILED;
        LOG.errorf("generation %d failed verification and will never be served: %s", number, reason);
    }

    /** While the replica replays the topic at start-up nobody is served yet: superseded generations go at once. */
    void replayingWhile(BooleanSupplier condition) {
        this.replaying = condition;
    }

    /**
     * Drops what can no longer be served: generations below the active one that were never served,
     * or superseded while replaying the topic, at once; the previously active ones after the grace
     * period, so that requests that began on them can finish.
     */
    public void retire() {
        Optional<Active> active = active();
        if (active.isEmpty()) {
            return;
        }
        Generation current = generations.get(active.get().number());
        Instant now = clock.instant();
        boolean graceOver = replaying.getAsBoolean() || !current.activatedAt.plus(retireGrace).isAfter(now);
        for (Generation generation : generations.headMap(current.number, false).values()) {
            if (generation.status == Generation.Status.STAGED && (generation.activatedAt == null || graceOver)) {
                store.drop(ProductStore.generationTable(generation.number));
                generation.status = Generation.Status.DROPPED;
                LOG.infof("generation %d dropped (superseded by %d)", generation.number, current.number);
            }
        }
    }

    /**
     * What may leave Kafka now: every generation below the active one, once the active one has been
     * served for the grace period (by then every replica has switched and dropped them), and the
     * offset of the active one's commit, before which the generations topic holds nothing needed.
     */
    Optional<Release> releasable() {
        Optional<Active> active = active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Generation current = generations.get(active.get().number());
        if (current.activatedAt == null || current.activatedAt.plus(retireGrace).isAfter(clock.instant())) {
            return Optional.empty();
        }
        List<Generation> below = generations.headMap(current.number, false).values().stream()
                .filter(g -> g.number > 0 && !g.released && g.status != Generation.Status.STAGING).toList();
        // a generation written before #17 has its chunks before its commit in the generations topic
        long keepFrom = current.ownTopic ? current.number - 1 : 0;
        return Optional.of(new Release(below, keepFrom));
    }

    /** The generations that failed verification. */
    java.util.Set<Long> failedNumbers() {
        return generations.values().stream().filter(g -> g.status == Generation.Status.FAILED).map(g -> g.number)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** The uploads of every generation this replica knows of. */
    java.util.Set<String> uploadIds() {
        return generations.values().stream().map(g -> g.uploadId).filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet());
    }

    public List<GenerationView> views() {
        long active = active().map(Active::number).orElse(-1L);
        return generations.descendingMap().values().stream().map(g -> g.view(active)).toList();
    }

    public Optional<GenerationView> view(long number) {
        long active = active().map(Active::number).orElse(-1L);
        return Optional.ofNullable(generations.get(number)).map(g -> g.view(active));
    }

    Map<Long, Generation> all() {
        return generations;
    }

    /** Generations whose upload topics may be deleted, and the first offset of the generations topic to keep. */
    record Release(List<Generation> generations, long keepFrom) {
    }

    /** The generation being served: its number, size and checksum. */
    public record Active(long number, int products, String checksum) {
    }
}
