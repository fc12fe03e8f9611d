package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;

/**
 * Issue #11, DESIGN.md "No single point of failure": any one process of the running shop may die
 * under load; shopping goes on, only requests in flight on it may fail (503 or a broken
 * connection, never a 500 or a wrong answer), and nothing acknowledged is lost or applied twice.
 *
 * <p>Starts the whole shop with {@code ./bricks up --no-build} (two replicas of every brick, every
 * server replicated), then runs one drill per target, in this order: Redis primary, Kafka's active
 * controller, etcd's leader, one gateway process, and one replica of every brick at once. Each
 * drill: 5 s of shopper load, {@code ./bricks infra kill TARGET} (SIGKILL), 30 s under load with
 * it dead, restart, 5 s more, then every acknowledged write is verified. About a minute per drill
 * plus the restart; the reports go to standard output.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShopSurvivesTheLossOfAnyOneServerIT {

    /** "SIGKILL, no restart for 30 s" (issue #11). */
    static final Duration DOWN = Duration.ofSeconds(30);
    static final Drill.Timing TIMING = new Drill.Timing(Duration.ofSeconds(5), DOWN, Duration.ofSeconds(5));

    // Longest pause between two successes of a kind of call, per fault: a guard against a hang, not
    // a measurement (the failover times themselves are printed, and RedisPrimaryLossIT holds the
    // Redis one to 5 s). Each bound is the time the replacement takes to be found plus a margin
    // for a 2-core machine running the whole stack, the load and the restart of what was killed:
    // under such load one checkout (new cart, lines, checkout) alone took 1-3 s in CI, and the
    // checkout gaps after a fault reached 10-17 s there (3.7-7 s on a quieter run).

    /**
     * Catalog reads and registrations: a dead replica leaves the gateway's rotation after two failed checks 1 s
     * apart (fall 2, inter 1s); they do not depend on Redis or Kafka.
     */
    static final Duration CATALOG_AND_REGISTRATION_GAP = Duration.ofSeconds(10);
    /**
     * Cart changes and checkouts when the Redis primary dies: Sentinel's down-after plus the failover and the
     * cart replicas reconnecting.
     */
    static final Duration CART_GAP_REDIS_PRIMARY = Duration.ofSeconds(20);
    /**
     * Checkouts (and cart changes) when Kafka's active controller dies: a new controller, then the dead broker's
     * partition leaderships move (broker session timeout).
     */
    static final Duration CART_GAP_KAFKA_CONTROLLER = Duration.ofSeconds(25);
    /**
     * Anything, when one of the two gateway processes dies: the other one holds the same port; only connections
     * on the dead one break.
     */
    static final Duration GATEWAY_GAP = Duration.ofSeconds(5);
    /**
     * Anything else (etcd leader, one replica of every brick): a new etcd leader in a few seconds; dead replicas
     * leave the rotation after two failed checks.
     */
    static final Duration DEFAULT_GAP = Duration.ofSeconds(20);

    @BeforeAll
    static void theWholeShopRuns() {
        System.out.println(Launcher.find().run(Duration.ofMinutes(15), "up", "--no-build"));
    }

    @Test
    @Order(1)
    void theRedisPrimary() throws InterruptedException {
        survives("redis-primary", LauncherFault.kill("redis-primary"),
                bounds(CATALOG_AND_REGISTRATION_GAP, CART_GAP_REDIS_PRIMARY));
    }

    @Test
    @Order(2)
    void theKafkaController() throws InterruptedException {
        survives("kafka-controller", LauncherFault.kill("kafka-controller"),
                bounds(CATALOG_AND_REGISTRATION_GAP, CART_GAP_KAFKA_CONTROLLER));
    }

    @Test
    @Order(3)
    void theEtcdLeader() throws InterruptedException {
        survives("etcd-leader", LauncherFault.kill("etcd-leader"), bounds(DEFAULT_GAP, DEFAULT_GAP));
    }

    @Test
    @Order(4)
    void aGateway() throws InterruptedException {
        survives("gateway", LauncherFault.kill("gateway"), bounds(GATEWAY_GAP, GATEWAY_GAP));
    }

    @Test
    @Order(5)
    void oneReplicaOfEveryBrick() throws InterruptedException {
        survives("one replica of every brick", LauncherFault.killAll("catalog", "cart", "customer", "order"),
                bounds(DEFAULT_GAP, DEFAULT_GAP));
    }

    /**
     * The bound of every steady kind: catalog reads and registrations, then cart changes and
     * checkouts. New carts are made between checkouts, so their pauses follow the checkouts' (see
     * {@link Kind#steady()}); their answers are still judged.
     */
    private static Map<Kind, Duration> bounds(Duration catalogAndRegistrations, Duration carts) {
        Map<Kind, Duration> bounds = new EnumMap<>(Kind.class);
        bounds.put(Kind.PRODUCT, catalogAndRegistrations);
        bounds.put(Kind.SEARCH, catalogAndRegistrations);
        bounds.put(Kind.REGISTER, catalogAndRegistrations);
        bounds.put(Kind.CART_CHANGE, carts);
        bounds.put(Kind.CHECKOUT, carts);
        return bounds;
    }

    private static void survives(String name, Fault fault, Map<Kind, Duration> gaps) throws InterruptedException {
        DrillReport report = Drill.throughGateway(name, System.out).run(fault, TIMING);
        System.out.println(report.format());

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(List.of(), report.errors(), "the fault was injected and healed"));
        checks.add(() -> assertEquals(1, report.faults().size(), "one fault"));
        checks.add(() -> assertEquals(0, report.wrong(),
                "wrong answers (a 500, a 502/504, an undeserved 4xx, a wrong body)"));
        gaps.forEach((kind, bound) -> {
            checks.add(() -> assertTrue(report.okWhileDown(kind) > 0,
                    kind.label() + " succeeded while " + report.killed() + " was down"));
            checks.add(() -> assertTrue(report.longestGap(kind).millis() <= bound.toMillis(),
                    kind.label() + ": longest gap " + DrillReport.gap(report.longestGap(kind)) + " > "
                            + bound.toSeconds() + " s"));
        });
        checks.addAll(WriteChecks.everyAcknowledgedWriteThereOnce(report));
        assertAll(name, checks);
    }
}
