package dev.bricks.cart;

import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import dev.bricks.cart.sweep.AbandonedCartSweep;
import dev.bricks.cart.sweep.SweepLock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
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
    void everyChangedCartCarriesATtlAsTheBackstop() {
        String cart = cartWithALine();
        long ttl = redis.execute("PTTL", keys.cart(cart)).toLong();
        assertTrue(ttl > 0 && ttl <= Duration.ofHours(2).toMillis(), "PTTL " + ttl);
    }

    private double swept() {
        return metrics.counter("bricks.cart.swept").count();
    }
}
