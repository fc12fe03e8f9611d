package dev.bricks.cart;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.cart.store.CartKeys;
import dev.bricks.cart.store.CheckoutStore;
import dev.bricks.cart.store.CheckoutStore.Claim;
import dev.bricks.cart.store.CheckoutStore.ClaimOutcome;
import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.CatalogStub;
import dev.bricks.cart.support.Shopper;
import dev.bricks.contracts.order.OrderPlaced;
import dev.bricks.testing.Kafka;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class CheckoutIT {

    @Inject
    ObjectMapper json;

    @Inject
    CheckoutStore checkouts;

    @Inject
    RedisDataSource redis;

    @Inject
    CartKeys keys;

    @Inject
    CartConfig config;

    /** An attempt that won the claim, as a replica would in the middle of publishing. */
    private Claim claimAsAnotherReplica(Shopper customer, String cart, String token) {
        Claim claim = checkouts.claim(cart, customer.customerId, UUID.randomUUID().toString(), token);
        assertEquals(ClaimOutcome.WON, claim.outcome());
        return claim;
    }

    private long redisNowMillis() {
        Response time = redis.execute("TIME");
        return time.get(0).toLong() * 1000 + time.get(1).toLong() / 1000;
    }

    private Set<String> orderIdsPublishedFor(String cart) throws Exception {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, String> record : Kafka.readAll(CartTestEnvironment.ordersTopic())) {
            OrderPlaced order = json.readValue(record.value(), OrderPlaced.class);
            if (cart.equals(order.cartId())) {
                ids.add(order.orderId());
            }
        }
        return ids;
    }

    @Test
    void checkoutPublishesOneRepricedOrderAndEmptiesTheCart() throws Exception {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String red = Shopper.product("Red brick", "12.50");
        String blue = Shopper.product("Blue brick", "0.99");
        customer.set(cart, red, 2).then().statusCode(200);
        customer.set(cart, blue, 3).then().statusCode(200);
        CatalogStub.get().product(red, "Red brick", "11.00"); // the price changed since it was added
        CatalogStub.get().generation(42);

        var accepted = customer.checkout(cart).then().statusCode(202).extract();
        String orderId = accepted.path("orderId");
        assertEquals("/api/orders/" + orderId, java.net.URI.create(accepted.header("Location")).getPath());

        List<ConsumerRecord<String, String>> records = Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId);
        assertEquals(1, records.size());
        OrderPlaced order = json.readValue(records.get(0).value(), OrderPlaced.class);
        assertEquals(OrderPlaced.SCHEMA_VERSION, order.schemaVersion());
        assertEquals(orderId, order.orderId());
        assertEquals(cart, order.cartId());
        assertEquals(customer.customerId, order.customerId());
        assertEquals(customer.email, order.email());
        assertEquals(42, order.catalogGeneration());
        assertEquals("EUR", order.currency());
        assertEquals(new BigDecimal("24.97"), order.total());
        assertEquals(List.of(new OrderPlaced.Line(red, "Red brick", new BigDecimal("11.00"), 2),
                new OrderPlaced.Line(blue, "Blue brick", new BigDecimal("0.99"), 3)), order.lines());
        JsonNode raw = json.readTree(records.get(0).value());
        assertEquals("24.97", raw.get("total").asText());

        customer.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void aRetriedCheckoutAnswersTheSameOrderIdAndPublishesNothingMore() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);

        String first = customer.checkout(cart).then().statusCode(202).extract().path("orderId");
        String second = customer.checkout(cart).then().statusCode(202).extract().path("orderId");

        assertEquals(first, second);
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), first).size());
    }

    @Test
    void concurrentCheckoutsOfOneCartYieldOneOrderIdAndOneRecord() throws Exception {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        customer.set(cart, Shopper.product("B", "2.00"), 2).then().statusCode(200);

        List<Callable<String>> work = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            work.add(() -> customer.checkout(cart).then().statusCode(202).extract().path("orderId"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> orderIds = new HashSet<>();
        try {
            for (Future<String> f : pool.invokeAll(work)) {
                orderIds.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(1, orderIds.size(), "order ids: " + orderIds);
        String orderId = orderIds.iterator().next();
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId).size());
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic()).stream().filter(r -> r.value().contains(cart))
                .count());
    }

    @Test
    void aCartFilledAgainAfterCheckoutIsANewOrder() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String sku = Shopper.product("A", "1.00");
        customer.set(cart, sku, 1).then().statusCode(200);
        String first = customer.checkout(cart).then().statusCode(202).extract().path("orderId");
        customer.set(cart, sku, 4).then().statusCode(200);
        String second = customer.checkout(cart).then().statusCode(202).extract().path("orderId");
        assertNotEquals(first, second);
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), second).size());
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.checkout(cart).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aProductGoneFromTheCatalogueStopsCheckoutAndLeavesTheCartAsItWas() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String kept = Shopper.product("Kept", "1.00");
        String gone = Shopper.product("Gone", "2.00");
        customer.set(cart, kept, 1).then().statusCode(200);
        customer.set(cart, gone, 1).then().statusCode(200);
        CatalogStub.get().remove(gone);

        customer.checkout(cart).then().statusCode(422).contentType("application/problem+json");
        customer.show(cart).then().statusCode(200).body("lines", hasSize(2));

        customer.remove(cart, gone).then().statusCode(200);
        String orderId = customer.checkout(cart).then().statusCode(202).extract().path("orderId");
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId).size());
        customer.show(cart).then().body("lines", hasSize(0), "total.amount", equalTo("0.00"));
    }

    @Test
    void changingTheCartWhileACheckoutIsInFlightIsAConflictAndChangesNothing() {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String kept = Shopper.product("Kept", "1.00");
        String added = Shopper.product("Added", "2.00");
        customer.set(cart, kept, 2).then().statusCode(200);
        String token = UUID.randomUUID().toString();
        claimAsAnotherReplica(customer, cart, token);

        customer.set(cart, kept, 5).then().statusCode(409).contentType("application/problem+json");
        customer.set(cart, added, 1).then().statusCode(409).contentType("application/problem+json");
        customer.remove(cart, kept).then().statusCode(409).contentType("application/problem+json");
        customer.show(cart).then().statusCode(200).body("lines", hasSize(1), "lines[0].quantity", equalTo(2));

        checkouts.fail(cart, token); // the attempt ends: changes are accepted again
        customer.set(cart, kept, 5).then().statusCode(200).body("lines[0].quantity", equalTo(5));
    }

    @Test
    void aFailedAttemptsOrderIdIsReusedSoARecordArrivingAfterThe503StillMakesOneOrder() throws Exception {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        String sku = Shopper.product("A", "1.00");
        customer.set(cart, sku, 1).then().statusCode(200);
        String token = UUID.randomUUID().toString();
        String failedOrderId = claimAsAnotherReplica(customer, cart, token).orderId();
        // the attempt gave up (its client got a 503), yet its record reaches the broker afterwards
        checkouts.fail(cart, token);
        OrderPlaced late = new OrderPlaced(OrderPlaced.SCHEMA_VERSION, failedOrderId, cart, customer.customerId,
                customer.email, List.of(new OrderPlaced.Line(sku, "A", new BigDecimal("1.00"), 1)),
                new BigDecimal("1.00"), "EUR", 1, Instant.now());
        Kafka.publish(CartTestEnvironment.ordersTopic(), failedOrderId, json.writeValueAsString(late));

        String orderId = customer.checkout(cart).then().statusCode(202).extract().path("orderId");

        assertEquals(failedOrderId, orderId, "the retry must publish under the failed attempt's order id");
        assertEquals(Set.of(failedOrderId), orderIdsPublishedFor(cart));
        customer.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }

    @Test
    void aCrashedWinnersLeaseRunsOutAndTheNextCheckoutCompletesUnderItsOrderId() throws Exception {
        Shopper customer = Shopper.customer();
        String cart = customer.newCart();
        customer.set(cart, Shopper.product("A", "1.00"), 1).then().statusCode(200);
        // a replica won the claim and died before publishing: nothing will ever complete or fail it
        String crashedOrderId = claimAsAnotherReplica(customer, cart, UUID.randomUUID().toString()).orderId();
        long leaseUntil = Long.parseLong(redis.execute("HGET", keys.checkout(cart), "leaseUntil").toString());
        long leaseLeft = leaseUntil - redisNowMillis();
        assertTrue(leaseLeft > config.checkout().publishTimeout().toMillis()
                && leaseLeft <= config.checkout().lease().toMillis(), "lease left " + leaseLeft + " ms");

        // while the lease runs: a bounded wait, then 503 with Retry-After (never a hang, never a second order)
        customer.checkout(cart).then().statusCode(503).header("Retry-After", notNullValue())
                .contentType("application/problem+json");

        Thread.sleep(Math.max(0, leaseUntil - redisNowMillis()) + 200);
        String orderId = customer.checkout(cart).then().statusCode(202).extract().path("orderId");

        assertEquals(crashedOrderId, orderId);
        assertEquals(1, Kafka.readAll(CartTestEnvironment.ordersTopic(), orderId).size());
        customer.show(cart).then().statusCode(200).body("lines", hasSize(0));
    }
}
