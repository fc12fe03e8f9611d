package dev.bricks.order.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

/**
 * What a person can recognise in a dead-lettered record, read leniently (the record is broken by
 * definition): the order id, customer id and e-mail when they are there as text. The order id falls
 * back to the record's key, which cart-service sets to the order id, when that is a UUID.
 */
record RecordPeek(String orderId, String customerId, String email) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 320;

    static RecordPeek of(String key, String value) {
        JsonNode tree = null;
        if (value != null && !value.isBlank()) {
            try {
                tree = JSON.readTree(value);
            } catch (IOException e) {
                tree = null;
            }
        }
        String orderId = text(tree, "orderId");
        if (orderId == null && isUuid(key)) {
            orderId = key;
        }
        return new RecordPeek(orderId, text(tree, "customerId"), text(tree, "email"));
    }

    private static String text(JsonNode tree, String field) {
        if (tree == null || !tree.isObject()) {
            return null;
        }
        JsonNode node = tree.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String text = node.asText().strip();
        return text.length() > MAX_FIELD ? text.substring(0, MAX_FIELD) : text;
    }

    private static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
