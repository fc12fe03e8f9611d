package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #15: {@code ./bricks deploy} brings a new build to every replica of a brick while shoppers
 * shop, and nobody notices. Under the drills' mixed shopper load through the gateway (plus a staff
 * member listing orders, so the order brick is called too), each brick in turn gets a changed
 * build: a copy of the build it runs, stamped with another build time, so that every answer's
 * {@code X-Bricks-Build} tells which build gave it. Then a build that cannot start is deployed.
 *
 * <p>Judged: no call fails (no connection error, no 503, no wrong answer), every acknowledged write
 * is there exactly once afterwards, every answer to a call sent after a brick's deploy returned
 * comes from its new build, and while and after the failed deploy every answer comes from the build
 * that was serving. The report and the builds per brick go to standard output.
 */
class RollingDeployIT {

    static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(6);
    static final Duration LOAD_BEFORE = Duration.ofSeconds(5);
    static final Duration LOAD_BETWEEN = Duration.ofSeconds(3);
    static final Duration LOAD_AFTER = Duration.ofSeconds(5);
    static final Duration STAFF_PAUSE = Duration.ofMillis(300);
    /**
     * A staff call is failed when the gateway gives up on it (timeout server 30s), not at the shoppers'
     * 10 s: a replica's first order list can be slow on a busy 2-core machine. The slowest is printed.
     */
    static final Duration STAFF_TIMEOUT = Duration.ofSeconds(30);

    static Launcher launcher;
    static Releases releases;

    @BeforeAll
    static void theWholeShopRuns() {
        launcher = Launcher.find();
        System.out.println(launcher.run(Duration.ofMinutes(15), "up", "--no-build"));
        releases = new Releases(launcher, Path.of("target", "deploy-builds").toAbsolutePath());
    }

    /**
     * One load for both (a load's set-up and its verification take a minute on a busy machine): the
     * four deploys, then the build that cannot start.
     */
    @Test
    void everyBrickGetsItsNewBuildWithNoFailedCallAndABuildThatCannotStartLeavesTheServingOne()
            throws InterruptedException {
        BuildTally tally = new BuildTally();
        Map<String, Releases.Build> deployed = new LinkedHashMap<>();
        Map<String, Long> doneAt = new LinkedHashMap<>();
        long[] failedDeploy = new long[2];
        List<String> refusals = new ArrayList<>();
        StaffWatch staff = new StaffWatch();
        DrillReport report = drill("rolling deploy of every brick, then of a build that cannot start", tally)
                .run(context -> {
                    staff.start(context, tally);
                    context.sleep(LOAD_BEFORE);
                    Instant builtAt = Instant.now().plusSeconds(60);
                    for (String brick : List.of("catalog", "cart", "customer", "order")) {
                        Releases.Build build = releases.restamped(brick, builtAt);
                        builtAt = builtAt.plusSeconds(1);
                        context.log("./bricks deploy " + brick + " --from " + build.dir() + " (" + build.stamp() + ")");
                        launcher.run(DEPLOY_TIMEOUT, "deploy", brick, "--from", build.dir().toString());
                        doneAt.put(brick, System.nanoTime());
                        deployed.put(brick, build);
                        context.log(brick + " deployed");
                    }
                    context.sleep(LOAD_BETWEEN);
                    Releases.Build broken = releases.unstartable("cart", builtAt.plusSeconds(3600));
                    failedDeploy[0] = System.nanoTime();
                    context.log("./bricks deploy cart --from " + broken.dir() + " (cannot start)");
                    try {
                        launcher.run(DEPLOY_TIMEOUT, "deploy", "cart", "--from", broken.dir().toString());
                    } catch (IllegalStateException refused) {
                        refusals.add(refused.getMessage()); // its reason is on the launcher's stderr, above
                        context.log("the deploy failed: " + refused.getMessage());
                    }
                    failedDeploy[1] = System.nanoTime();
                    context.sleep(LOAD_AFTER);
                    staff.stop();
                });
        System.out.println(report.format());
        long end = System.nanoTime();

        List<Executable> checks = new ArrayList<>(nothingFailedOrLost(report, staff));
        checks.add(() -> assertEquals(List.of("catalog", "cart", "customer", "order"), List.copyOf(deployed.keySet()),
                "every brick was deployed"));
        deployed.forEach((brick, build) -> {
            Map<String, Integer> after = tally.builds(brick, doneAt.get(brick), end);
            System.out.printf("%s: builds that answered after its deploy: %s%n", brick, after);
            checks.add(() -> assertEquals(List.of(build.stamp()), List.copyOf(after.keySet()),
                    brick + ": every answer after the deploy comes from the new build"));
        });
        Map<String, Integer> cart = tally.builds("cart", failedDeploy[0], end);
        System.out.printf("cart: builds that answered from the failed deploy on: %s%n", cart);
        checks.add(() -> assertEquals(1, refusals.size(), "the deploy of a build that cannot start exited non-zero"));
        checks.add(() -> assertTrue(deployed.containsKey("cart")
                && List.of(deployed.get("cart").stamp()).equals(List.copyOf(cart.keySet())),
                "every cart answer during and after the failed deploy comes from the build that was serving: " + cart));
        checks.add(() -> assertTrue(deployed.containsKey("cart")
                && deployed.get("cart").stamp().equals(Releases.stamp(releases.current("cart"))),
                "the serving build is still the cart's current one"));
        assertAll("rolling deploy", checks);
    }

    private static Drill drill(String name, BuildTally tally) {
        return new Drill(name, new ShopClient(ShopClient.gateway()).listen(tally), ShopLoad.Settings.defaults(),
                launcher::staffToken, Verifier.ORDER_WAIT, System.out);
    }

    /** No failed or wrong call of any kind, not even one, and every acknowledged write verified. */
    private static List<Executable> nothingFailedOrLost(DrillReport report, StaffWatch staff) {
        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(List.of(), report.errors(), "the drill ran"));
        for (Kind kind : Kind.values()) {
            KindStats stats = report.stats(kind);
            checks.add(() -> assertEquals(0, stats.failed(), kind.label() + ": failed calls " + stats.failedBy()));
            checks.add(() -> assertEquals(0, stats.wrong(), kind.label() + ": wrong answers " + stats.wrongExamples()));
        }
        System.out.printf("staff order lists: %d answered, slowest %d ms, %d failed %s%n", staff.ok.get(),
                staff.slowestMillis, staff.failed.get(), staff.failures);
        checks.add(() -> assertTrue(staff.ok.get() > 0, "staff listed orders"));
        checks.add(() -> assertEquals(0, staff.failed.get(), "staff order lists that failed: " + staff.failures));
        checks.addAll(WriteChecks.everyAcknowledgedWriteThereOnce(report));
        return checks;
    }

    /** A staff member listing the newest orders through the gateway, so the order brick is called too. */
    private static final class StaffWatch {
        final AtomicInteger ok = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicBoolean running = new AtomicBoolean(true);
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long slowestMillis;
        private Thread thread;

        void start(Drill.Context context, BuildTally tally) {
            ShopClient client = new ShopClient(ShopClient.gateway(), ShopClient.CONNECT_TIMEOUT, STAFF_TIMEOUT)
                    .listen(tally);
            String token = launcher.staffToken();
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long start = System.nanoTime();
                        Answer answer = client.get("/api/orders?size=1", token);
                        slowestMillis = Math.max(slowestMillis, (System.nanoTime() - start) / 1_000_000);
                        if (answer.status() == 200) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            failures.add(DrillReport.at(context.now()) + " " + answer.status() + " " + answer.error());
                        }
                        Thread.sleep(STAFF_PAUSE.toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "staff-watch");
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(STAFF_TIMEOUT.plusSeconds(5).toMillis());
        }
    }
}
