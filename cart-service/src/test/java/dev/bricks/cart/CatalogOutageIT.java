package dev.bricks.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.CatalogStub;
import dev.bricks.cart.support.Shopper;
import dev.bricks.testing.Kafka;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * The catalog stops: reads keep working with last known prices, adding an unpriceable product is
 * a 503 with Retry-After, and once the breaker is open the catalog is not even asked (so answers
 * are immediate); checkout is a 503 that leaves the cart as it was; after the breaker's delay a
 * working catalog is used again, and the checkout goes through under the failed attempt's order id.
 */
@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class CatalogOutageIT {

    @Inject
    @CacheName("catalog-products")
    Cache rememberedPrices;

    @Inject
    RedisDataSource redis;

    @Inject
    CartKeys keys;

    @Test
    void whenTheCatalogStopsTheBreakerOpensReadsStillWorkAndItRecovers() throws InterruptedException {
        CatalogStub catalog = CatalogStub.get();
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String known = Shopper.product("Known brick", "4.00");
        String unseen = Shopper.product("Never priced here", "9.00");
        customer.set(cart, known, 2).then().statusCode(200);

        catalog.stop();
        rememberedPrices.invalidateAll().await().indefinitely(); // as on a replica that never priced them
        try {
            // adding a product nobody priced yet: 503 + Retry-After, until the breaker opens
            for (int i = 0; i < 3; i++) {
                customer.set(cart, unseen, 1).then().statusCode(503).header("Retry-After", notNullValue())
                        .contentType("application/problem+json");
            }
            // reads still work, with the last known price (kept with the line in Redis) marked as such
            customer.show(cart).then().statusCode(200)
                    .body("lines", hasSize(1), "lines[0].unitPrice.amount", equalTo("4.00"),
                            "lines[0].priceStale", is(true), "priceStale", is(true), "total.amount", equalTo("8.00"));
            // the quantity of a line with a known price can still change
            customer.set(cart, known, 3).then().statusCode(200).body("lines[0].quantity", is(3));
            // checkout always asks the catalog: 503 + Retry-After, the cart unchanged, nothing published
            customer.checkout(cart).then().statusCode(503).header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
            customer.show(cart).then().statusCode(200)
                    .body("lines", hasSize(1), "lines[0].sku", equalTo(known), "lines[0].quantity", is(3));
            assertTrue(Kafka.readAll(CartTestEnvironment.ordersTopic()).stream()
                    .noneMatch(r -> r.value().contains(cart)), "published while the catalog was down");
        } finally {
            catalog.start();
        }

        // the catalog is back but the breaker is still open: refused without asking the catalog
        int asked = catalog.requests();
        customer.set(cart, unseen, 1).then().statusCode(503).header("Retry-After", notNullValue());
        customer.show(cart).then().statusCode(200).body("lines[0].priceStale", is(true));
        assertEquals(asked, catalog.requests(), "an open breaker must not call the catalog");

        // after the breaker's delay (4 s in the tests) the catalog is asked again
        int status = 0;
        for (int attempt = 0; attempt < 40 && status != 200; attempt++) {
            Thread.sleep(250);
            status = customer.set(cart, unseen, 1).statusCode();
        }
        assertEquals(200, status);
        customer.show(cart).then().statusCode(200)
                .body("lines", hasSize(2), "priceStale", is(false), "total.amount", equalTo("21.00"));

        // the failed checkout left its order id for the next attempt, which now goes through
        String failedOrderId = redis.execute("HGET", keys.checkout(cart), "orderId").toString();
        String orderId = customer.checkout(cart).then().statusCode(202).extract().path("orderId");
        assertEquals(failedOrderId, orderId);
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId).size());
    }
}
