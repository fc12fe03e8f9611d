package dev.bricks.drills;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Kills servers with the launcher: {@code ./bricks infra kill TARGET...} (SIGKILL; a target is a
 * role such as {@code redis-primary}, {@code kafka-controller}, {@code etcd-leader},
 * {@code pg-primary}, {@code gateway}, a brick's name (its live replica with the lowest number),
 * or an instance name such as {@code cart-1}; the launcher
 * prints the name of each instance it killed, one a line). Heals with
 * {@code ./bricks infra start NAME} for each killed instance, then {@code ./bricks up --no-build},
 * which starts whatever is still missing and returns once everything is ready.
 */
public final class LauncherFault implements Fault {

    static final Duration KILL_TIMEOUT = Duration.ofSeconds(60);
    static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    static final Duration UP_TIMEOUT = Duration.ofMinutes(10);

    private final Launcher launcher;
    private final List<String> targets;
    private final List<String> killed = new ArrayList<>();

    public LauncherFault(Launcher launcher, List<String> targets) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("nothing to kill");
        }
        this.launcher = launcher;
        this.targets = List.copyOf(targets);
    }

    /** Kills the one instance that has {@code role} now (or the instance of that name). */
    public static LauncherFault kill(String target) {
        return new LauncherFault(Launcher.find(), List.of(target));
    }

    /** Kills several at once, e.g. {@code catalog cart customer order} (one replica of each brick). */
    public static LauncherFault killAll(String... targets) {
        return new LauncherFault(Launcher.find(), Arrays.asList(targets));
    }

    public List<String> targets() {
        return targets;
    }

    @Override
    public String inject() {
        List<String> args = new ArrayList<>(List.of("infra", "kill"));
        args.addAll(targets);
        String out = launcher.run(KILL_TIMEOUT, args.toArray(String[]::new));
        killed.clear();
        for (String line : out.split("\\R")) {
            if (!line.isBlank()) {
                killed.add(line.trim());
            }
        }
        if (killed.isEmpty()) {
            killed.addAll(targets); // an older launcher that prints nothing: heal by the names asked for
        }
        return String.join(" ", killed);
    }

    @Override
    public void heal() {
        List<String> start = new ArrayList<>(List.of("infra", "start"));
        start.addAll(killed); // one call: brick replicas start side by side
        try {
            launcher.run(START_TIMEOUT, start.toArray(String[]::new));
        } catch (IllegalStateException e) {
            System.err.println("drill: " + e.getMessage() + "; ./bricks up --no-build starts what is missing");
        }
        launcher.run(UP_TIMEOUT, "up", "--no-build");
    }

    @Override
    public String describe() {
        return "kill " + String.join(" ", targets);
    }
}
