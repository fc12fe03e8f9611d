package dev.bricks.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import dev.bricks.testing.Launcher;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The Jepsen finding about Redis Sentinel: a primary that dies right after acknowledging a write
 * loses it, because its replicas had not received it yet. Here writers change carts without a
 * pause while the primary is SIGKILLed; every change the cart brick acknowledged must be there
 * afterwards (it waited for a replica), and carts must be writable again soon after.
 */
@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class RedisPrimaryLossIT {

    private static final int WRITERS = 6;
    private static final int SKUS_PER_CART = 8;
    private static final long BEFORE_KILL_MS = 3_000;
    private static final long AFTER_KILL_MS = 10_000;
    /** The bound: carts writable again at most 5 s after the primary dies. */
    private static final long WRITABLE_AGAIN_WITHIN_MS = 5_000;

    /** One line's possible values: the last acknowledged one, and any tried after it that failed. */
    private static final class Line {
        int acknowledged = -1;
        final Set<Integer> uncertain = new HashSet<>();

        synchronized void acked(int quantity) {
            acknowledged = quantity;
            uncertain.clear();
        }

        synchronized void failed(int quantity) {
            uncertain.add(quantity);
        }

        synchronized boolean accepts(int stored) {
            return stored == acknowledged || uncertain.contains(stored);
        }
    }

    @Test
    void killingTheRedisPrimaryLosesNoAcknowledgedCartChange() throws Exception {
        List<Shopper> shoppers = new ArrayList<>();
        List<String> carts = new ArrayList<>();
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < SKUS_PER_CART; i++) {
            skus.add(Shopper.product("Failover " + i, "1.00"));
        }
        for (int w = 0; w < WRITERS; w++) {
            Shopper shopper = Shopper.customer();
            shoppers.add(shopper);
            carts.add(shopper.newCart());
        }
        Map<String, Line> lines = new ConcurrentHashMap<>();
        AtomicInteger acknowledged = new AtomicInteger();
        AtomicInteger unavailable = new AtomicInteger();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong firstAckAfterKill = new AtomicLong(Long.MAX_VALUE);
        long stopAt = System.currentTimeMillis() + BEFORE_KILL_MS + AFTER_KILL_MS;

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Shopper shopper = shoppers.get(w);
            String cart = carts.get(w);
            writers.add(pool.submit(() -> {
                for (int n = 1; System.currentTimeMillis() < stopAt; n++) {
                    String sku = skus.get(n % SKUS_PER_CART);
                    int quantity = n % 50 + 1;
                    Line line = lines.computeIfAbsent(cart + "/" + sku, k -> new Line());
                    Response answer = shopper.set(cart, sku, quantity);
                    if (answer.statusCode() == 200) {
                        line.acked(quantity);
                        acknowledged.incrementAndGet();
                        long now = System.currentTimeMillis();
                        if (now > killedAt.get()) {
                            firstAckAfterKill.accumulateAndGet(now, Math::min);
                        }
                    } else if (answer.statusCode() == 503) {
                        line.failed(quantity);
                        unavailable.incrementAndGet();
                    } else {
                        line.failed(quantity);
                        wrong.add(answer.statusCode() + " " + answer.asString());
                    }
                }
                return null;
            }));
        }
        Thread.sleep(BEFORE_KILL_MS);
        String killed = Launcher.run("infra", "kill", "redis-primary");
        killedAt.set(System.currentTimeMillis());
        try {
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        int checked = 0;
        List<String> lost = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            String cart = carts.get(w);
            Response stored = shoppers.get(w).show(cart);
            assertEquals(200, stored.statusCode(), stored.asString());
            List<Map<String, Object>> storedLines = stored.path("lines");
            Map<String, Integer> bySku = new java.util.HashMap<>();
            storedLines.forEach(l -> bySku.put((String) l.get("sku"), ((Number) l.get("quantity")).intValue()));
            for (String sku : skus) {
                Line line = lines.get(cart + "/" + sku);
                if (line == null || line.acknowledged < 0) {
                    continue;
                }
                checked++;
                Integer quantity = bySku.get(sku);
                if (quantity == null || !line.accepts(quantity)) {
                    lost.add(cart + "/" + sku + ": acknowledged " + line.acknowledged + ", stored " + quantity);
                }
            }
        }
        Launcher.run("infra", "start", killed);

        long writableAfter = firstAckAfterKill.get() - killedAt.get();
        System.out.printf("Redis primary %s SIGKILLed under %d writers: %d changes acknowledged, %d answered 503,"
                + " %d wrong; writable again after %d ms; %d acknowledged lines checked, %d lost%n",
                killed, WRITERS, acknowledged.get(), unavailable.get(), wrong.size(), writableAfter, checked,
                lost.size());
        assertTrue(wrong.isEmpty(), "answers other than 200 or 503: " + wrong.subList(0, Math.min(5, wrong.size())));
        assertTrue(lost.isEmpty(), "acknowledged changes lost: " + lost);
        assertTrue(checked >= WRITERS * SKUS_PER_CART / 2,
                "too few lines were acknowledged to prove anything: " + checked);
        assertTrue(writableAfter <= WRITABLE_AGAIN_WITHIN_MS,
                "carts were writable again only after " + writableAfter + " ms");
    }

    @Test
    void withoutRedisTheReplicaIsNotReadyButAliveAndReadyAgainOnceRedisIsBack() throws Exception {
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        Launcher.run("infra", "kill", "redis-1", "redis-2", "redis-3"); // all of Redis, the Sentinels stay
        try {
            RestAssured.given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            RestAssured.given().get("/q/health/live").then().statusCode(200); // not restarted for it
        } finally {
            Launcher.run("infra", "start", "redis");
        }
        int status = 0;
        for (int attempt = 0; attempt < 60 && status != 200; attempt++) {
            Thread.sleep(500);
            status = RestAssured.given().get("/q/health/ready").statusCode();
        }
        assertEquals(200, status, "not ready again after Redis came back");
        // carts work again once a replica has caught up (a change waits for one: WAIT 1)
        Shopper shopper = Shopper.anonymous();
        int created = 0;
        for (int attempt = 0; attempt < 60 && created != 201; attempt++) {
            Thread.sleep(500);
            created = shopper.request().post("/api/carts").statusCode();
        }
        assertEquals(201, created, "carts not writable again after Redis came back");
    }
}
