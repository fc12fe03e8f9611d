package dev.bricks.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class CartOwnershipIT {

    @Test
    void anAnonymousCartIsReachableByItsIdAlone() {
        Shopper first = Shopper.anonymous();
        Shopper second = Shopper.anonymous();
        String cart = first.newCart();
        String sku = Shopper.product("A", "1.00");
        second.set(cart, sku, 2).then().statusCode(200);
        first.show(cart).then().statusCode(200).body("lines[0].quantity", equalTo(2));
    }

    @Test
    void theFirstSignedInUseBindsTheCartAndEveryoneElseGets404OnEveryRoute() {
        Shopper anonymous = Shopper.anonymous();
        Shopper owner = Shopper.customer();
        Shopper other = Shopper.customer();
        String cart = anonymous.newCart();
        String sku = Shopper.product("A", "1.00");
        anonymous.set(cart, sku, 1).then().statusCode(200);

        owner.show(cart).then().statusCode(200); // binds the cart to the owner

        for (Shopper stranger : new Shopper[] { other, anonymous }) {
            stranger.show(cart).then().statusCode(404).contentType("application/problem+json");
            stranger.set(cart, sku, 5).then().statusCode(404);
            stranger.remove(cart, sku).then().statusCode(404);
        }
        other.checkout(cart).then().statusCode(404).contentType("application/problem+json");

        owner.show(cart).then().statusCode(200).body("lines", hasSize(1), "lines[0].quantity", equalTo(1));
    }

    @Test
    void aCartCreatedBySignedInCustomerIsTheirsFromTheStart() {
        Shopper owner = Shopper.customer();
        Shopper other = Shopper.customer();
        String cart = owner.newCart();
        String sku = Shopper.product("A", "1.00");

        Shopper.anonymous().show(cart).then().statusCode(404);
        other.set(cart, sku, 1).then().statusCode(404);
        owner.set(cart, sku, 1).then().statusCode(200);
    }

    @Test
    void concurrentFirstUsesByTwoCustomersBindTheCartToExactlyOne() throws Exception {
        String cart = Shopper.anonymous().newCart();
        Shopper a = Shopper.customer();
        Shopper b = Shopper.customer();
        // both requests leave together: without the barrier one thread could finish before the other starts
        CyclicBarrier start = new CyclicBarrier(2);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return a.show(cart).statusCode();
            });
            var second = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return b.show(cart).statusCode();
            });
            int[] codes = { first.get(), second.get() };
            java.util.Arrays.sort(codes);
            org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] { 200, 404 }, codes);
            // and the winner is the one who sees the cart from now on, the loser never
            Shopper winner = first.get() == 200 ? a : b;
            Shopper loser = winner == a ? b : a;
            winner.show(cart).then().statusCode(200);
            loser.show(cart).then().statusCode(404);
        } finally {
            pool.shutdownNow();
        }
    }
}
