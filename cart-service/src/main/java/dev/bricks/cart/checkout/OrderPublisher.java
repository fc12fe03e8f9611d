package dev.bricks.cart.checkout;

import dev.bricks.cart.CartConfig;
import dev.bricks.contracts.order.OrderPlaced;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Hands an order to Kafka (channel {@code orders-placed}: idempotent producer, acks=all, key =
 * orderId) and returns only once the broker has acknowledged it. Blocks: call on a worker thread.
 */
@ApplicationScoped
public class OrderPublisher {

    private final MutinyEmitter<OrderPlaced> emitter;
    private final CartConfig config;

    OrderPublisher(@Channel("orders-placed") MutinyEmitter<OrderPlaced> emitter, CartConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    public void publish(OrderPlaced order) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(order.orderId()).build();
        emitter.sendMessage(Message.of(order, Metadata.of(key)))
                .await().atMost(config.checkout().publishTimeout());
    }
}
