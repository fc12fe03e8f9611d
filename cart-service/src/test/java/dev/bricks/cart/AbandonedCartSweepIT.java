package dev.bricks.cart;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.store.CheckoutStore;
import dev.bricks.cart.store.CheckoutStore.ClaimOutcome;
import dev.bricks.cart.store.LuaScript;
import dev.bricks.cart.store.RedisScripts;
import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import dev.bricks.cart.sweep.AbandonedCartSweep;
import dev.bricks.cart.sweep.SweepLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class AbandonedCartSweepIT {

    private static final Duration AGE = Duration.ofSeconds(1);

    @Inject
    AbandonedCartSweep sweep;

    @Inject
    SweepLock lock;

    @Inject
    RedisDataSource redis;

    @Inject
    CartKeys keys;

    @Inject
    MeterRegistry metrics;

    @Inject
    CheckoutStore checkouts;

    @Inject
    RedisScripts scripts;

    private static final LuaScript SWEEP_ONE = LuaScript.load("sweep_one");

    private final Shopper shopper = Shopper.anonymous();

    private String cartWithALine() {
        String cart = shopper.newCart();
        shopper.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        return cart;
    }

    @Test
    void theSweepEmptiesOnlyCartsUntouchedForLongerThanTheAge() throws InterruptedException {
        String stale = cartWithALine();
        String touchedAgain = cartWithALine();
        Thread.sleep(AGE.toMillis() + 500);
        shopper.set(touchedAgain, Shopper.product("B", "2.00"), 1).then().statusCode(200);
        String fresh = cartWithALine();
        double before = swept();

        AbandonedCartSweep.Result result = sweep.sweep(AGE);

        assertTrue(result.ran());
        assertTrue(result.swept() >= 1, "swept " + result.swept());
        assertEquals(before + result.swept(), swept());
        shopper.show(stale).then().statusCode(200).body("lines", hasSize(0));
        shopper.show(touchedAgain).then().statusCode(200).body("lines", hasSize(2));
        shopper.show(fresh).then().statusCode(200).body("lines", hasSize(1));
    }

    @Test
    void whileAnotherReplicaHoldsTheLockThisOneDoesNotSweep() throws InterruptedException {
        String stale = cartWithALine();
        Thread.sleep(AGE.toMillis() + 500);
        Optional<String> otherReplica = lock.tryAcquire(Duration.ofSeconds(30));
        assertTrue(otherReplica.isPresent());
        try {
            assertFalse(sweep.sweep(AGE).ran());
            lock.release("not-the-holders-token"); // only the holder can release it
            assertFalse(sweep.sweep(AGE).ran());
            shopper.show(stale).then().body("lines", hasSize(1));
        } finally {
            lock.release(otherReplica.get());
        }
        assertTrue(sweep.sweep(AGE).ran());
        shopper.show(stale).then().body("lines", hasSize(0));
    }

    @Test
    void aLockWhoseHolderDiedExpiresAndTheSweepResumes() throws InterruptedException {
        String stale = cartWithALine();
        assertTrue(lock.tryAcquire(Duration.ofMillis(800)).isPresent()); // never released
        assertFalse(sweep.sweep(AGE).ran());
        Thread.sleep(AGE.toMillis() + 500);
        assertTrue(sweep.sweep(AGE).ran());
        shopper.show(stale).then().body("lines", hasSize(0));
    }

    @Test
    void everyChangeRenewsTheCartsTtl() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String first = Shopper.product("A", "1.00");
        long ttl = Duration.ofHours(2).toMillis(); // bricks.cart.ttl in the tests
        long shortened = 60_000;
        List<Runnable> changes = List.of(
                () -> customer.set(cart, first, 1).then().statusCode(200), // a new line
                () -> customer.set(cart, first, 4).then().statusCode(200), // another quantity
                () -> customer.set(cart, Shopper.product("B", "2.00"), 1).then().statusCode(200),
                () -> customer.remove(cart, first).then().statusCode(200));
        for (Runnable change : changes) {
            redis.execute("PEXPIRE", keys.cart(cart), Long.toString(shortened)); // as if the TTL had run down
            change.run();
            long renewed = redis.execute("PTTL", keys.cart(cart)).toLong();
            assertTrue(renewed > ttl - 60_000 && renewed <= ttl, "PTTL after a change: " + renewed);
        }
    }

    @Test
    void theSweepSkipsACartWhoseCheckoutIsInFlightAndEmptiesItOnceTheAttemptEnded() throws InterruptedException {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        Thread.sleep(AGE.toMillis() + 500);
        String token = UUID.randomUUID().toString();
        assertEquals(ClaimOutcome.WON,
                checkouts.claim(cart, customer.customerId, UUID.randomUUID().toString(), token).outcome());

        assertTrue(sweep.sweep(AGE).ran());
        customer.show(cart).then().statusCode(200).body("lines", hasSize(1));
        assertNotNull(redis.execute("ZSCORE", keys.touched(), cart), "a skipped cart stays in the sweep's index");

        checkouts.fail(cart, token);
        assertTrue(sweep.sweep(AGE).ran());
        customer.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void aCartTouchedAfterTheSweepListedItIsLeftAlone() throws InterruptedException {
        String cart = cartWithALine();
        Thread.sleep(AGE.toMillis() + 500);
        // the sweep listed the cart as stale with this cutoff ...
        String cutoff = Long.toString(redisNowMillis() - AGE.toMillis());
        assertTrue(members(redis.execute("ZRANGEBYSCORE", keys.touched(), "-inf", cutoff)).contains(cart));
        // ... then the shopper changed it before the sweep got to it
        shopper.set(cart, Shopper.product("B", "2.00"), 1).then().statusCode(200);

        int outcome = scripts.run(SWEEP_ONE, List.of(keys.cart(cart), keys.checkout(cart), keys.touched()),
                cart, cutoff).toInteger();

        assertEquals(0, outcome);
        shopper.show(cart).then().statusCode(200).body("lines", hasSize(2));
    }

    private long redisNowMillis() {
        Response time = redis.execute("TIME");
        return time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
    }

    private static List<String> members(Response list) {
        List<String> members = new ArrayList<>();
        list.forEach(member -> members.add(member.toString()));
        return members;
    }

    private double swept() {
        return metrics.counter("bricks.cart.swept").count();
    }
}
