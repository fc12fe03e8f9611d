package dev.bricks.testing;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * W3C trace context as a caller sends it ({@code traceparent: 00-TRACEID-SPANID-FLAGS}), with fresh
 * random ids, so that a test can follow its own request through logs, problems and Kafka records.
 */
public record Traceparents(String traceId, String spanId, boolean isSampled) {

    public static final String HEADER = "traceparent";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new sampled trace: whoever receives it must trace the request. */
    public static Traceparents sampled() {
        return new Traceparents(hex(16), hex(8), true);
    }

    /** The header's value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-" + (isSampled ? "01" : "00");
    }

    /** The trace id of a traceparent header's value, or null when it is not one. */
    public static String traceIdOf(String header) {
        String[] parts = header == null ? new String[0] : header.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? parts[1] : null;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
