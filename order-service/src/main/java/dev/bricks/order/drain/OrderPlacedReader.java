package dev.bricks.order.drain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.bricks.contracts.Money;
import dev.bricks.contracts.order.OrderPlaced;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Turns the text of an {@code orders.placed} record into a checked {@link OrderPlaced}, or says
 * in one sentence why it cannot be stored (that sentence becomes the dead-letter reason).
 */
public final class OrderPlacedReader {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public OrderPlaced read(String text) {
        if (text == null || text.isBlank()) {
            throw new UnprocessableRecordException("unparseable: the record has no value");
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UnprocessableRecordException("unparseable: not JSON (" + e.getOriginalMessage() + ")");
        }
        if (tree == null || !tree.isObject()) {
            throw new UnprocessableRecordException("unparseable: not a JSON object");
        }
        // The version decides how the rest is read, so it is checked before anything else.
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new UnprocessableRecordException("unparseable: schemaVersion is missing or not a number");
        }
        if (version.asInt() != OrderPlaced.SCHEMA_VERSION) {
            throw new UnprocessableRecordException("unknown schemaVersion " + version.asText()
                    + " (this order-service reads " + OrderPlaced.SCHEMA_VERSION + ")");
        }
        OrderPlaced order;
        try {
            order = JSON.treeToValue(tree, OrderPlaced.class);
        } catch (JsonProcessingException e) {
            throw new UnprocessableRecordException("unparseable: " + e.getOriginalMessage());
        }
        check(order);
        return order;
    }

    static void check(OrderPlaced order) {
        uuid("orderId", order.orderId());
        required("cartId", order.cartId());
        uuid("customerId", order.customerId());
        required("email", order.email());
        if (order.placedAt() == null) {
            throw new UnprocessableRecordException("placedAt is missing");
        }
        int decimals = decimals(order.currency());
        if (order.lines() == null || order.lines().isEmpty()) {
            throw new UnprocessableRecordException("an order without lines");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < order.lines().size(); i++) {
            OrderPlaced.Line line = order.lines().get(i);
            String at = "lines[" + i + "]";
            if (line == null) {
                throw new UnprocessableRecordException(at + " is null");
            }
            required(at + ".sku", line.sku());
            required(at + ".name", line.name());
            if (line.quantity() <= 0) {
                throw new UnprocessableRecordException(at + ".quantity " + line.quantity() + " is not positive");
            }
            amount(at + ".unitPrice", line.unitPrice(), order.currency(), decimals);
            sum = sum.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        amount("total", order.total(), order.currency(), decimals);
        if (order.total().compareTo(sum) != 0) {
            throw new UnprocessableRecordException("total " + order.total().toPlainString()
                    + " is not the sum of its lines " + sum.toPlainString());
        }
    }

    /** The decimals of an ISO 4217 currency that has a minor unit ({@link Money#minorUnits}). */
    private static int decimals(String code) {
        if (code == null || !code.matches(Money.CODE_PATTERN)) {
            throw new UnprocessableRecordException("bad currency '" + code + "' (an ISO 4217 code is expected)");
        }
        if (!Money.isIso4217(code)) {
            throw new UnprocessableRecordException("bad currency '" + code + "' (not an ISO 4217 code)");
        }
        return Money.minorUnits(code).orElseThrow(
                () -> new UnprocessableRecordException("bad currency '" + code + "' (not a money currency)"));
    }

    private static void amount(String field, BigDecimal amount, String currency, int decimals) {
        if (amount == null) {
            throw new UnprocessableRecordException(field + " is missing");
        }
        if (amount.signum() < 0) {
            throw new UnprocessableRecordException(field + " " + amount.toPlainString() + " is negative");
        }
        if (amount.stripTrailingZeros().scale() > decimals) {
            throw new UnprocessableRecordException(field + " " + amount.toPlainString() + " has more decimals than "
                    + currency + " allows (" + decimals + ")");
        }
        if (amount.precision() - amount.scale() > 15) {
            throw new UnprocessableRecordException(field + " " + amount.toPlainString() + " is too large");
        }
    }

    private static void required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new UnprocessableRecordException(field + " is missing");
        }
    }

    private static void uuid(String field, String value) {
        required(field, value);
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new UnprocessableRecordException(field + " '" + value + "' is not a UUID");
        }
        if (value.length() != 36) {
            throw new UnprocessableRecordException(field + " '" + value + "' is not a UUID");
        }
    }
}
