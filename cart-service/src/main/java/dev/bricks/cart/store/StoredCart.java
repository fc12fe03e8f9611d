package dev.bricks.cart.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A cart hash read in one atomic step, lines in the order they were first added. */
public record StoredCart(String id, String owner, List<StoredLine> lines) {

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    static StoredCart parse(String id, Response hash, ObjectMapper json) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            fields.put(hash.get(i).toString(), hash.get(i + 1).toString());
        }
        List<StoredLine> lines = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("q:")) {
                String sku = field.substring(2);
                lines.add(new StoredLine(sku, Integer.parseInt(value), snapshot(fields.get("i:" + sku), json),
                        Long.parseLong(fields.getOrDefault("a:" + sku, "0"))));
            }
        });
        lines.sort(Comparator.comparingLong(StoredLine::addedAt).thenComparing(StoredLine::sku));
        return new StoredCart(id, fields.get("owner"), List.copyOf(lines));
    }

    private static PriceSnapshot snapshot(String value, ObjectMapper json) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, PriceSnapshot.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
