package dev.bricks.cart;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import dev.bricks.testing.Kafka;
import dev.bricks.testing.Launcher;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Kafka stops: checkout answers 503 and leaves the cart as it was; once Kafka is back it works, once. */
@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class KafkaOutageIT {

    @Inject
    RedisDataSource redis;

    @Inject
    CartKeys keys;

    @Test
    void withKafkaStoppedCheckoutIs503AndTheCartIntactAndOnceBackItPlacesOneOrder() throws InterruptedException {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.set(cart, Shopper.product("A", "3.00"), 2).then().statusCode(200);
        customer.set(cart, Shopper.product("B", "1.00"), 1).then().statusCode(200);
        // a checkout of another cart first, so the producer is connected when the broker goes away
        Shopper warmUp = Shopper.customer();
        String warmCart = warmUp.newCart();
        warmUp.set(warmCart, Shopper.product("W", "1.00"), 1).then().statusCode(200);
        warmUp.checkout(warmCart).then().statusCode(202);

        Launcher.run("infra", "kill", "kafka-1", "kafka-2", "kafka-3"); // all of Kafka, not one node
        String failedOrderId;
        try {
            customer.checkout(cart).then().statusCode(503).header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
            customer.show(cart).then().statusCode(200)
                    .body("lines", hasSize(2), "itemCount", org.hamcrest.Matchers.is(3));
            failedOrderId = redis.execute("HGET", keys.checkout(cart), "orderId").toString();
        } finally {
            Launcher.run("infra", "start", "kafka");
        }

        // as a client would: retry after Retry-After until accepted (the producer reconnects)
        Response answer = customer.checkout(cart);
        for (int attempt = 0; attempt < 12 && answer.statusCode() == 503; attempt++) {
            Thread.sleep(1000L * Integer.parseInt(answer.header("Retry-After")) / 2);
            answer = customer.checkout(cart);
        }
        assertEquals(202, answer.statusCode(), answer.asString());
        String orderId = answer.path("orderId");
        // a record of the failed attempt that reached the broker late would carry the same order id
        assertEquals(failedOrderId, orderId, "the retry must reuse the failed attempt's order id");
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId).size());
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic()).stream().filter(r -> r.value().contains(cart))
                .count());
        customer.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }
}
