package dev.bricks.catalog.generation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;

/**
 * Which of the commits a joining replica found on the topic it stages: only the generations it can
 * ever serve under the cutover rule (the highest-numbered verified generation whose instant has
 * passed). That is the highest-numbered due one, and every later one not due yet. A lower-numbered
 * generation can never win against a higher due one, so it is skipped without reading its chunks;
 * should the due one fail verification, the next plan falls back to the next due one below it.
 */
final class JoinPlan {

    private JoinPlan() {
    }

    /**
     * @param commits generation number → commit, as read from the topic
     * @param floor   the generation this replica serves already (nothing at or below it is needed)
     * @param failed  generations that failed verification
     * @return the numbers to stage, ascending
     */
    static List<Long> toStage(NavigableMap<Long, GenerationCommit> commits, long floor, Set<Long> failed, Instant now) {
        long due = floor;
        for (var commit : commits.tailMap(floor, false).descendingMap().entrySet()) {
            if (!failed.contains(commit.getKey()) && !commit.getValue().activateAt().isAfter(now)) {
                due = commit.getKey();
                break;
            }
        }
        List<Long> stage = new ArrayList<>();
        if (due > floor) {
            stage.add(due);
        }
        for (var commit : commits.tailMap(due, false).entrySet()) {
            if (!failed.contains(commit.getKey()) && commit.getValue().activateAt().isAfter(now)) {
                stage.add(commit.getKey());
            }
        }
        return stage;
    }
}
