package dev.bricks.drills;

/**
 * One fault of a drill, on the load's clock (ms since the load started).
 *
 * @param fault    what was done, e.g. {@code kill redis-primary}
 * @param hit      what was hit, e.g. {@code redis-2}
 * @param injected when it was done
 * @param healing  when the repair began (end of the "down" time), -1 if never
 * @param healed   when the shop was whole again, -1 if the repair failed or never ran
 */
public record FaultEvent(String fault, String hit, long injected, long healing, long healed) {

    /** While the server was down: from the kill until the repair began. */
    public long downUntil() {
        return healing < 0 ? Long.MAX_VALUE : healing;
    }
}
