package dev.bricks.drills;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code ./bricks chaos}: runs the shopper load through the gateway and, every {@code --every}
 * seconds, kills one server (SIGKILL, with the launcher), keeps it dead for {@code --down}
 * seconds, restarts it and waits until the shop is whole again; after {@code --duration} seconds
 * in all it stops the load, verifies every acknowledged write and prints the report.
 *
 * <p>Exit code 0 when no answer was wrong and nothing acknowledged was lost or applied twice,
 * 1 otherwise, 2 for a bad option.
 */
public final class Chaos {

    /**
     * The roles {@code random} picks from; {@link #REPLICA} stands for a random brick, whose live replica with
     * the lowest number the launcher kills (replica numbers change with deploys).
     */
    static final List<String> ROLES = List.of("redis-primary", "kafka-controller", "etcd-leader", "pg-primary",
            "gateway", Chaos.REPLICA);
    static final String REPLICA = "brick-replica";
    static final List<String> BRICKS = List.of("catalog", "cart", "customer", "order");
    /** Calm load between a repair and the next kill, at least. */
    static final Duration CALM = Duration.ofSeconds(5);

    /**
     * The command line.
     *
     * @param target   {@code random}, a role ({@code redis-primary} …) or instance name ({@code cart-1}),
     *                 or several separated by commas, killed together
     */
    public record Options(Duration duration, Duration every, Duration down, Duration warmUp, Duration settle,
            String target, long seed) {

        static final String USAGE = """
                Usage: ./bricks chaos [--duration SECONDS] [--every SECONDS] [--down SECONDS] [--target TARGET]
                                      [--warm-up SECONDS] [--settle SECONDS] [--seed N]
                  --duration  total time under load, default 120
                  --every     kill one server every N seconds, default 30
                  --down      how long it stays dead (SIGKILL, then restarted), default 15
                  --target    random (default): one of redis-primary kafka-controller etcd-leader pg-primary
                              gateway or a brick (catalog cart customer order: one of its replicas); or a
                              role or instance name (cart-1); several separated by commas are killed
                              together (catalog,cart)
                  --warm-up   load before the first kill, default 5;  --settle  load after the last repair, default 10
                  --seed      for random
                The gateway is http://127.0.0.1:$BRICKS_GATEWAY_PORT (8080); the staff token for the check
                comes from $BRICKS_STAFF_TOKEN or ./bricks token staff.
                Exit code: 0 nothing acknowledged lost or duplicated and no wrong answer, 1 otherwise.""";

        public static Options parse(String... args) {
            long duration = 120;
            long every = 30;
            long down = 15;
            long warmUp = 5;
            long settle = 10;
            String target = "random";
            long seed = System.nanoTime();
            List<String> rest = new ArrayList<>(Arrays.asList(args));
            while (!rest.isEmpty()) {
                String option = rest.remove(0);
                String value = null;
                int equals = option.indexOf('=');
                if (option.startsWith("--") && equals > 0) {
                    value = option.substring(equals + 1);
                    option = option.substring(0, equals);
                }
                if (option.equals("-h") || option.equals("--help")) {
                    throw new IllegalArgumentException("");
                }
                if (value == null) {
                    if (rest.isEmpty()) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    value = rest.remove(0);
                }
                switch (option) {
                    case "--duration" -> duration = positive(option, value);
                    case "--every" -> every = positive(option, value);
                    case "--down" -> down = positive(option, value);
                    case "--warm-up" -> warmUp = number(option, value);
                    case "--settle" -> settle = number(option, value);
                    case "--seed" -> seed = number(option, value);
                    case "--target" -> {
                        if (value.isBlank() || !value.matches("[A-Za-z0-9_,.-]+")) {
                            throw new IllegalArgumentException("--target: not a role or name: " + value);
                        }
                        target = value;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            }
            if (warmUp + down + settle > duration) {
                throw new IllegalArgumentException("--duration " + duration + " leaves no time for one kill: warm-up "
                        + warmUp + " + down " + down + " + settle " + settle + " s");
            }
            return new Options(Duration.ofSeconds(duration), Duration.ofSeconds(every), Duration.ofSeconds(down),
                    Duration.ofSeconds(warmUp), Duration.ofSeconds(settle), target, seed);
        }

        private static long number(String option, String value) {
            try {
                long n = Long.parseLong(value);
                if (n < 0) {
                    throw new NumberFormatException();
                }
                return n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + ": not a number of seconds: " + value);
            }
        }

        private static long positive(String option, String value) {
            long n = number(option, value);
            if (n == 0) {
                throw new IllegalArgumentException(option + " must be at least 1");
            }
            return n;
        }
    }

    /** The targets of one kill: {@code random} picks a role (a brick's name for {@link #REPLICA}). */
    static List<String> pick(String target, Random random) {
        if (!target.equals("random")) {
            return List.of(target.split(","));
        }
        String role = ROLES.get(random.nextInt(ROLES.size()));
        if (role.equals(REPLICA)) {
            return List.of(BRICKS.get(random.nextInt(BRICKS.size())));
        }
        return List.of(role);
    }

    /** The whole run: load, kills on schedule, verification; returns the report. */
    static DrillReport run(Options options, Launcher launcher, PrintStream out) throws InterruptedException {
        Random random = new Random(options.seed());
        Drill drill = new Drill("chaos " + options.target(), new ShopClient(ShopClient.gateway()),
                ShopLoad.Settings.defaults(), launcher::staffToken, Verifier.ORDER_WAIT, out);
        long end = options.duration().toMillis();
        return drill.run(context -> {
            context.sleep(options.warmUp());
            long nextKill = context.now();
            while (true) {
                if (context.now() < nextKill) {
                    context.sleep(Duration.ofMillis(nextKill - context.now()));
                }
                if (context.now() + options.down().toMillis() + options.settle().toMillis() > end) {
                    break;
                }
                List<String> targets = pick(options.target(), random);
                context.strike(remembered(new LauncherFault(launcher, targets)), options.down());
                nextKill = Math.max(nextKill + options.every().toMillis(), context.now() + CALM.toMillis());
            }
            context.sleep(Duration.ofMillis(Math.max(options.settle().toMillis(), end - context.now())));
        });
    }

    /** What is dead right now, for the hint printed when the run is interrupted (Ctrl-C). */
    private static volatile String dead;

    private static Fault remembered(Fault fault) {
        return new Fault() {
            @Override
            public String inject() {
                String hit = fault.inject();
                dead = hit;
                return hit;
            }

            @Override
            public void heal() {
                fault.heal();
                dead = null;
            }

            @Override
            public String describe() {
                return fault.describe();
            }
        };
    }

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().isEmpty()) { // --help
                System.out.println(Options.USAGE);
                System.exit(0);
            }
            System.err.println("chaos: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.out.printf("chaos: %d s under load, a kill every %d s (down %d s), target %s, seed %d%n",
                options.duration().toSeconds(), options.every().toSeconds(), options.down().toSeconds(),
                options.target(), options.seed());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            String down = dead;
            if (down != null) {
                System.err.println("chaos: interrupted while " + down + " was down; restart it with "
                        + "./bricks infra start NAME (a server) and ./bricks up --no-build");
            }
        }));
        DrillReport report;
        try {
            report = run(options, Launcher.find(), System.out);
        } catch (IllegalStateException e) {
            System.err.println("chaos: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println();
        System.out.print(report.format());
        System.exit(report.passed() ? 0 : 1);
    }
}
