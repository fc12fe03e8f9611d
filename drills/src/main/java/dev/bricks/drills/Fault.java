package dev.bricks.drills;

/** Something a drill does to the running shop, and undoes. */
public interface Fault {

    /** Does it (e.g. kills a server) and returns what was hit, e.g. {@code redis-2}. */
    String inject();

    /** Undoes it and returns once the shop is whole again (everything restarted and ready). */
    void heal();

    /** What this fault is, for reports (e.g. {@code kill redis-primary}). */
    default String describe() {
        String name = getClass().getSimpleName();
        return name.isEmpty() ? "fault" : name;
    }
}
