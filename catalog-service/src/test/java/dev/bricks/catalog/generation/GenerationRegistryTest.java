package dev.bricks.catalog.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.store.ProductStore;
import dev.bricks.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GenerationRegistryTest {

    private final Instant t0 = Instant.parse("2030-01-01T10:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final List<String> dropped = new ArrayList<>();
    private final GenerationRegistry registry = new GenerationRegistry(new ProductStore(null) {
        @Override
        public void drop(String table) {
            dropped.add(table);
        }
    }, Duration.ofSeconds(60), clock);

    private void stage(long number, Instant activateAt) {
        registry.staging(number, activateAt, 10, "sum" + number);
        registry.staged(number, Duration.ofMillis(5));
    }

    private long active() {
        return registry.active().orElseThrow().number();
    }

    @Test
    void stagedGenerationIsServedExactlyFromItsInstant() {
        stage(0, Instant.EPOCH);
        stage(5, t0.plusSeconds(3));
        assertEquals(0, active());
        clock.set(t0.plusSeconds(3).minusMillis(1));
        assertEquals(0, active());
        clock.set(t0.plusSeconds(3));
        assertEquals(5, active());
        assertEquals(t0.plusSeconds(3), registry.view(5).orElseThrow().activatedAt());
    }

    @Test
    void dueButUnstagedGenerationIsOverdueUntilStaged() {
        stage(0, Instant.EPOCH);
        registry.staging(7, t0.minusSeconds(1), 10, "x");
        assertEquals(Optional.of(7L), registry.overdue());
        assertEquals(0, active());
        registry.staged(7, Duration.ofMillis(3));
        assertEquals(Optional.empty(), registry.overdue());
        assertEquals(7, active());
    }

    @Test
    void failedGenerationNeverBlocksNorServes() {
        stage(0, Instant.EPOCH);
        registry.staging(3, t0.minusSeconds(1), 10, "x");
        registry.failed(3, "checksum mismatch");
        assertEquals(Optional.empty(), registry.overdue());
        assertEquals(0, active());
        assertEquals("FAILED", registry.view(3).orElseThrow().state());
    }

    @Test
    void generationsSupersededWhileReplayingAreDroppedAtOnce() {
        boolean[] replaying = { true };
        registry.replayingWhile(() -> replaying[0]);
        stage(0, Instant.EPOCH);
        stage(2, t0.minusSeconds(10));
        stage(4, t0.minusSeconds(5));
        assertEquals(List.of("products_g0", "products_g2"), dropped);
        assertEquals(4, active());
    }

    @Test
    void supersededGenerationIsDroppedAfterTheGracePeriod() {
        stage(0, Instant.EPOCH);
        assertEquals(0, active());
        stage(4, t0.minusSeconds(5));
        assertTrue(dropped.isEmpty(), "generation 0 was served: it gets its grace period");
        clock.set(t0.plusSeconds(59));
        registry.retire();
        assertTrue(dropped.isEmpty());
        clock.set(t0.plusSeconds(61));
        registry.retire();
        assertTrue(dropped.contains("products_g0"));
        assertEquals("RETIRED", registry.view(0).orElseThrow().state());
        assertEquals("ACTIVE", registry.view(4).orElseThrow().state());
    }

    @Test
    void laterUploadWinsWhenBothInstantsHavePassed() {
        stage(0, Instant.EPOCH);
        stage(8, t0.minusSeconds(1));
        stage(6, t0.minusSeconds(2)); // arrives out of order only in this test; the number decides
        assertEquals(8, active());
    }

    @Test
    void retiredGenerationsLeaveKafkaOnlyOnceTheActiveOneWasServedForTheGracePeriod() {
        GenerationCommit two = new GenerationCommit(1, "u2", t0.minusSeconds(30), 10, 1, "s2", "staff", t0);
        GenerationCommit four = new GenerationCommit(1, "u4", t0.minusSeconds(5), 10, 1, "s4", "staff", t0);
        stage(0, Instant.EPOCH);
        registry.skipped(2, two);
        registry.staging(4, four, true);
        registry.staged(4, Duration.ofMillis(5));
        assertEquals(4, active());
        assertTrue(registry.releasable().isEmpty(), "generation 4 has not been served for the grace period yet");
        clock.set(t0.plusSeconds(61));
        GenerationRegistry.Release release = registry.releasable().orElseThrow();
        assertEquals(List.of(2L), release.generations().stream().map(g -> g.number).toList(),
                "the demo catalogue has no topic");
        assertEquals(3, release.keepFrom(), "the commit of generation 4 is at offset 3");
        assertEquals("RETIRED", registry.view(2).orElseThrow().state());
    }
}
