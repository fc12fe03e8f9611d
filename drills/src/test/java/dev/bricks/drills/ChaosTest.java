package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChaosTest {

    @Test
    void defaultsAreTwoMinutesWithAKillEveryThirtySecondsDownFifteen() {
        Chaos.Options options = Chaos.Options.parse();

        assertEquals(Duration.ofSeconds(120), options.duration());
        assertEquals(Duration.ofSeconds(30), options.every());
        assertEquals(Duration.ofSeconds(15), options.down());
        assertEquals("random", options.target());
    }

    @Test
    void optionsTakeTheirValueSeparatedOrAfterAnEqualsSign() {
        Chaos.Options options = Chaos.Options.parse("--duration", "300", "--every=60", "--down", "20",
                "--target", "cart-1,order-2", "--seed", "7");

        assertEquals(Duration.ofSeconds(300), options.duration());
        assertEquals(Duration.ofSeconds(60), options.every());
        assertEquals(Duration.ofSeconds(20), options.down());
        assertEquals(7, options.seed());
        assertEquals(List.of("cart-1", "order-2"), Chaos.pick(options.target(), new Random()));
    }

    @Test
    void badOptionsAreRefusedWithTheReason() {
        assertEquals("unknown option --kill",
                assertThrows(IllegalArgumentException.class,
                        () -> Chaos.Options.parse("--kill", "redis")).getMessage());
        assertEquals("--every: not a number of seconds: soon",
                assertThrows(IllegalArgumentException.class,
                        () -> Chaos.Options.parse("--every", "soon")).getMessage());
        assertEquals("--down needs a value",
                assertThrows(IllegalArgumentException.class, () -> Chaos.Options.parse("--down")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Chaos.Options.parse("--duration", "20"))
                .getMessage().contains("leaves no time for one kill"));
        assertThrows(IllegalArgumentException.class, () -> Chaos.Options.parse("--target", "redis; rm -rf /"));
    }

    @Test
    void randomPicksEveryRoleAndEveryBrick() {
        Set<String> picked = new HashSet<>();
        Random random = new Random(1);
        for (int i = 0; i < 500; i++) {
            List<String> targets = Chaos.pick("random", random);
            assertEquals(1, targets.size());
            picked.add(targets.get(0));
        }
        assertTrue(picked.containsAll(List.of("redis-primary", "kafka-controller", "etcd-leader", "pg-primary",
                "gateway", "catalog", "cart", "customer", "order")), picked.toString());
        assertTrue(picked.stream().noneMatch(t -> t.equals(Chaos.REPLICA)), picked.toString());
    }
}
