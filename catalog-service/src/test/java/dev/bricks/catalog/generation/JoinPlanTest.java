package dev.bricks.catalog.generation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JoinPlanTest {

    private final Instant now = Instant.parse("2030-01-01T10:00:00Z");
    private final TreeMap<Long, GenerationCommit> commits = new TreeMap<>();

    private void commit(long number, Instant activateAt) {
        commits.put(number, new GenerationCommit(1, "u" + number, activateAt, 10, 1, "sum", "staff", activateAt));
    }

    @Test
    void onlyTheHighestDueGenerationIsStagedOfManySupersededOnes() {
        for (long n = 2; n <= 100; n += 2) {
            commit(n, now.minusSeconds(1000 - n));
        }
        assertEquals(List.of(100L), JoinPlan.toStage(commits, 0, Set.of(), now));
    }

    @Test
    void generationsNotDueYetAreStagedBesideTheDueOne() {
        commit(3, now.minusSeconds(60));
        commit(5, now.minusSeconds(30));
        commit(7, now.plusSeconds(30));
        commit(9, now.plusSeconds(5));
        assertEquals(List.of(5L, 7L, 9L), JoinPlan.toStage(commits, 0, Set.of(), now));
    }

    @Test
    void aLowerNumberedGenerationDueLaterCanNeverBeServedAndIsSkipped() {
        commit(3, now.plusSeconds(60)); // outranked by 5 for ever once it is due
        commit(5, now.minusSeconds(30));
        assertEquals(List.of(5L), JoinPlan.toStage(commits, 0, Set.of(), now));
    }

    @Test
    void whenTheDueGenerationFailsVerificationTheNextDueOneBelowItIsStaged() {
        commit(3, now.minusSeconds(60));
        commit(4, now.plusSeconds(60));
        commit(5, now.minusSeconds(30));
        assertEquals(List.of(3L, 4L), JoinPlan.toStage(commits, 0, Set.of(5L), now));
    }

    @Test
    void nothingAtOrBelowWhatTheReplicaServesIsStaged() {
        commit(3, now.minusSeconds(60));
        assertEquals(List.of(), JoinPlan.toStage(commits, 3, Set.of(), now));
    }
}
