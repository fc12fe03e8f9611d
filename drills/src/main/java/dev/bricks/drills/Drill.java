package dev.bricks.drills;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A fault drill: a shopper load through the gateway, faults injected while it runs, then a check
 * of every acknowledged write. {@link #run(Fault, Timing)} is the plain one: warm-up, one fault,
 * "down" time, repair, settle, verify. {@link #run(Scenario)} lets a caller ({@link Chaos}) inject
 * any number of faults on its own schedule.
 */
public final class Drill {

    /**
     * Timing of a one-fault drill.
     *
     * @param warmUp load before the fault
     * @param down   how long the killed server stays dead, under load
     * @param settle load after the shop is whole again
     */
    public record Timing(Duration warmUp, Duration down, Duration settle) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    /** What happens while the load runs. */
    @FunctionalInterface
    public interface Scenario {
        void run(Context context) throws InterruptedException;
    }

    private final String name;
    private final ShopClient client;
    private final ShopLoad.Settings settings;
    private final Supplier<String> staffToken;
    private final Duration orderWait;
    private final PrintStream log;

    public Drill(String name, ShopClient client, ShopLoad.Settings settings, Supplier<String> staffToken,
            Duration orderWait, PrintStream log) {
        this.name = name;
        this.client = client;
        this.settings = settings;
        this.staffToken = staffToken;
        this.orderWait = orderWait;
        this.log = log;
    }

    /** A drill with the default load, through the gateway, with the launcher's staff token. */
    public static Drill throughGateway(String name, PrintStream log) {
        Launcher launcher = Launcher.find();
        return new Drill(name, new ShopClient(ShopClient.gateway()), ShopLoad.Settings.defaults(),
                launcher::staffToken, Verifier.ORDER_WAIT, log);
    }

    /** Warm-up, the fault, {@code down} under load, repair (under load), settle, stop, verify. */
    public DrillReport run(Fault fault, Timing timing) throws InterruptedException {
        return run(context -> {
            context.sleep(timing.warmUp());
            context.strike(fault, timing.down());
            context.sleep(timing.settle());
        });
    }

    /** Starts the load, runs {@code scenario}, stops the load, verifies. */
    public DrillReport run(Scenario scenario) throws InterruptedException {
        ShopLoad load = new ShopLoad(client, settings, log);
        log.printf("== drill %s ==%n", name);
        load.start();
        Context context = new Context(load);
        try {
            scenario.run(context);
        } catch (RuntimeException e) {
            context.errors.add("the drill stopped: " + e);
            e.printStackTrace(log);
        } finally {
            log.printf("[%s] stopping the load%n", DrillReport.at(load.now()));
            load.stop();
        }
        Verification verification = new Verifier(client, staffToken, orderWait, log).verify(load.ledger());
        return new DrillReport(name, List.copyOf(context.events), load.stats(), load.stoppedAt(), verification,
                List.copyOf(context.errors));
    }

    /** What a scenario can do while the load runs. */
    public final class Context {
        private final ShopLoad load;
        private final List<FaultEvent> events = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        private Context(ShopLoad load) {
            this.load = load;
        }

        /** The load's clock: ms since its workers started. */
        public long now() {
            return load.now();
        }

        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis());
            }
        }

        public void log(String message) {
            log.printf("[%s] %s%n", DrillReport.at(now()), message);
        }

        /**
         * Injects {@code fault}, keeps the load running for {@code down}, heals it (still under
         * load) and returns what happened. A failed kill or repair is recorded as a drill error.
         */
        public FaultEvent strike(Fault fault, Duration down) throws InterruptedException {
            String hit;
            try {
                hit = fault.inject();
            } catch (RuntimeException e) {
                errors.add("could not " + fault.describe() + ": " + e.getMessage());
                log(fault.describe() + " FAILED: " + e.getMessage());
                return null;
            }
            long injected = now();
            log(fault.describe() + ": killed " + hit);
            long healing = -1;
            long healed = -1;
            try {
                sleep(down);
            } finally {
                // repair even when interrupted: a drill never leaves the shop broken
                healing = now();
                log("restarting " + hit);
                try {
                    fault.heal();
                    healed = now();
                    log(String.format(Locale.ROOT, "shop whole again (repair took %s)",
                            DrillReport.seconds(healed - healing)));
                } catch (RuntimeException e) {
                    errors.add("could not repair after " + fault.describe() + ": " + e.getMessage());
                    log("repair FAILED: " + e.getMessage());
                }
                events.add(new FaultEvent(fault.describe(), hit, injected, healing, healed));
            }
            return events.get(events.size() - 1);
        }
    }
}
