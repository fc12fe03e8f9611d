package dev.bricks.catalog.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.bricks.contracts.catalog.Product;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical JSON form of a product (record field order, attributes sorted by key, amount as
 * written) and the SHA-256 checksum over the canonical lines of a catalogue. The uploader and every
 * replica compute it the same way, which is what lets a replica verify what it staged.
 */
public final class CanonicalProducts {

    // A private mapper: the canonical form must not change with the application's Jackson settings.
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private CanonicalProducts() {
    }

    public static byte[] bytes(Product product) {
        try {
            return MAPPER.writeValueAsBytes(product);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize product " + product.sku(), e);
        }
    }

    public static String json(Product product) {
        return new String(bytes(product), StandardCharsets.UTF_8);
    }

    public static Product parse(String json) {
        try {
            return MAPPER.readValue(json, Product.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored product is not valid JSON", e);
        }
    }

    /** An incremental SHA-256 over canonical lines, each followed by a newline. */
    public static final class Checksum {
        private final MessageDigest digest;

        public Checksum() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Adds one product and returns its canonical bytes. */
        public byte[] add(Product product) {
            byte[] line = bytes(product);
            digest.update(line);
            digest.update((byte) '\n');
            return line;
        }

        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
