import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * The OTLP/HTTP (protobuf) trace receiver in front of the local Zipkin: it takes what the bricks'
 * OpenTelemetry exporters POST to /v1/traces, turns every span into a Zipkin v2 span and posts
 * them to Zipkin's /api/v2/spans. Zipkin's own OTLP module (zipkin-module-otel) is not published
 * on Maven Central, so the launcher runs this instead (infra/lib/zipkin.sh, instance otlp-1).
 * Run as: java -cp "var/zipkin/classes:var/zipkin/libs/*" OtlpReceiver PORT ZIPKIN_URL
 * A batch Zipkin cannot take (it is down) is answered 503 and dropped by the exporter after its
 * retries: tracing is never on a request's path.
 */
public class OtlpReceiver {
    private static final HexFormat HEX = HexFormat.of();
    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final AtomicLong FAILED = new AtomicLong();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final URI zipkinSpans;

    OtlpReceiver(String zipkinUrl) {
        this.zipkinSpans = URI.create(zipkinUrl + "/api/v2/spans");
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        OtlpReceiver receiver = new OtlpReceiver(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/v1/traces", receiver::handleTraces);
        server.createContext("/health", exchange -> reply(exchange, 200, "text/plain",
                ("UP received=" + RECEIVED.get() + " failed=" + FAILED.get() + "\n").getBytes()));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println(Instant.now() + " OTLP/HTTP receiver on 127.0.0.1:" + port + "/v1/traces -> "
                + receiver.zipkinSpans);
    }

    private void handleTraces(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                reply(exchange, 405, "text/plain", "POST only\n".getBytes());
                return;
            }
            String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            if (!type.startsWith("application/x-protobuf")) {
                reply(exchange, 415, "text/plain", "OTLP/HTTP protobuf only\n".getBytes());
                return;
            }
            ExportTraceServiceRequest request;
            try (InputStream body = body(exchange)) {
                request = ExportTraceServiceRequest.parseFrom(body);
            } catch (IOException e) {
                reply(exchange, 400, "text/plain", ("not an ExportTraceServiceRequest: " + e + "\n").getBytes());
                return;
            }
            List<String> spans = toZipkin(request);
            RECEIVED.addAndGet(spans.size());
            if (spans.isEmpty() || forward(spans)) {
                reply(exchange, 200, "application/x-protobuf",
                        ExportTraceServiceResponse.getDefaultInstance().toByteArray());
            } else {
                exchange.getResponseHeaders().add("Retry-After", "5");
                reply(exchange, 503, "text/plain", "Zipkin is not reachable\n".getBytes());
            }
        }
    }

    private static InputStream body(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        InputStream in = exchange.getRequestBody();
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
    }

    private boolean forward(List<String> spans) {
        String json = spans.stream().collect(Collectors.joining(",", "[", "]"));
        HttpRequest post = HttpRequest.newBuilder(zipkinSpans).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build();
        String problem;
        try {
            HttpResponse<String> response = client.send(post, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return true;
            }
            problem = "HTTP " + response.statusCode() + " " + response.body();
        } catch (IOException e) {
            problem = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = e.toString();
        }
        long failed = FAILED.addAndGet(spans.size());
        // one line per problem, not per batch, while Zipkin is down
        if (failed == spans.size() || failed % 1000 < spans.size()) {
            System.err.println(Instant.now() + " dropping spans, Zipkin did not take them (" + failed
                    + " dropped so far): " + problem);
        }
        return false;
    }

    static List<String> toZipkin(ExportTraceServiceRequest request) {
        return request.getResourceSpansList().stream()
                .flatMap(rs -> rs.getScopeSpansList().stream().flatMap(ss -> ss.getSpansList().stream()
                        .map(span -> zipkinSpan(rs, ss, span))))
                .toList();
    }

    private static String zipkinSpan(ResourceSpans rs, ScopeSpans ss, Span span) {
        Map<String, String> attributes = attributes(span.getAttributesList());
        Json json = new Json();
        json.field("traceId", HEX.formatHex(span.getTraceId().toByteArray()));
        json.field("id", HEX.formatHex(span.getSpanId().toByteArray()));
        if (!span.getParentSpanId().isEmpty()) {
            json.field("parentId", HEX.formatHex(span.getParentSpanId().toByteArray()));
        }
        String kind = switch (span.getKind()) {
            case SPAN_KIND_SERVER -> "SERVER";
            case SPAN_KIND_CLIENT -> "CLIENT";
            case SPAN_KIND_PRODUCER -> "PRODUCER";
            case SPAN_KIND_CONSUMER -> "CONSUMER";
            default -> null;
        };
        if (kind != null) {
            json.field("kind", kind);
        }
        json.field("name", span.getName());
        long start = span.getStartTimeUnixNano() / 1000;
        json.number("timestamp", start);
        json.number("duration", Math.max(1, span.getEndTimeUnixNano() / 1000 - start));
        json.raw("localEndpoint", new Json().field("serviceName", serviceName(rs.getResource())).close());
        String remote = remoteEndpoint(attributes);
        if (remote != null) {
            json.raw("remoteEndpoint", remote);
        }
        if (span.getEventsCount() > 0) {
            json.raw("annotations", span.getEventsList().stream().map(event -> {
                Map<String, String> ea = attributes(event.getAttributesList());
                String value = event.getName() + (ea.containsKey("exception.type")
                        ? ": " + ea.get("exception.type") + ": " + ea.getOrDefault("exception.message", "") : "");
                return new Json().number("timestamp", event.getTimeUnixNano() / 1000).field("value", value).close();
            }).collect(Collectors.joining(",", "[", "]")));
        }
        Map<String, String> tags = new LinkedHashMap<>(attributes);
        for (KeyValue kv : rs.getResource().getAttributesList()) {
            if (kv.getKey().equals("service.instance.id") || kv.getKey().equals("service.version")) {
                tags.put(kv.getKey(), value(kv.getValue()));
            }
        }
        if (!ss.getScope().getName().isEmpty()) {
            tags.put("otel.scope.name", ss.getScope().getName());
        }
        if (span.getStatus().getCode() == Status.StatusCode.STATUS_CODE_ERROR) {
            tags.put("otel.status_code", "ERROR");
            tags.put("error", span.getStatus().getMessage().isEmpty() ? "true" : span.getStatus().getMessage());
        }
        Json tagsJson = new Json();
        tags.forEach(tagsJson::field);
        json.raw("tags", tagsJson.close());
        return json.close();
    }

    private static String serviceName(Resource resource) {
        return resource.getAttributesList().stream().filter(kv -> kv.getKey().equals("service.name"))
                .map(kv -> value(kv.getValue())).findFirst().orElse("unknown_service");
    }

    /** The other side of a call: what it is (redis, postgresql, kafka, ...) and where, when known. */
    private static String remoteEndpoint(Map<String, String> attributes) {
        String service = first(attributes, "peer.service", "db.system.name", "db.system", "messaging.system");
        String address = first(attributes, "network.peer.address", "server.address", "net.peer.name");
        String port = first(attributes, "network.peer.port", "server.port", "net.peer.port");
        Json json = new Json();
        boolean any = false;
        if (service != null) {
            json.field("serviceName", service);
            any = true;
        }
        if (address != null && address.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            json.field("ipv4", address);
            any = true;
        } else if (address != null && address.contains(":")) {
            json.field("ipv6", address);
            any = true;
        }
        if (any && port != null && port.matches("\\d{1,5}")) {
            json.number("port", Long.parseLong(port));
        }
        return any ? json.close() : null;
    }

    private static String first(Map<String, String> attributes, String... keys) {
        for (String key : keys) {
            String v = attributes.get(key);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new LinkedHashMap<>();
        list.forEach(kv -> map.put(kv.getKey(), value(kv.getValue())));
        return map;
    }

    private static String value(AnyValue v) {
        return switch (v.getValueCase()) {
            case STRING_VALUE -> v.getStringValue();
            case BOOL_VALUE -> String.valueOf(v.getBoolValue());
            case INT_VALUE -> String.valueOf(v.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(v.getDoubleValue());
            case ARRAY_VALUE -> v.getArrayValue().getValuesList().stream().map(OtlpReceiver::value)
                    .collect(Collectors.joining(","));
            case BYTES_VALUE -> HEX.formatHex(v.getBytesValue().toByteArray());
            default -> v.toString().strip();
        };
    }

    private static void reply(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** A JSON object written field by field. */
    private static final class Json {
        private final StringBuilder out = new StringBuilder("{");

        Json field(String name, String value) {
            return raw(name, quote(value));
        }

        Json number(String name, long value) {
            return raw(name, Long.toString(value));
        }

        Json raw(String name, String json) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(quote(name)).append(':').append(json);
            return this;
        }

        String close() {
            return out.append('}').toString();
        }

        private static String quote(String s) {
            StringBuilder q = new StringBuilder(s.length() + 2).append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    case '\r' -> q.append("\\r");
                    case '\t' -> q.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }
    }
}
