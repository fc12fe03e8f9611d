package dev.bricks.cart.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A stand-in for the catalog's {@code GET /api/catalog/products/{sku}} (JDK HTTP server) on the
 * port the application was configured with; it can be stopped and started like a real replica.
 */
public final class CatalogStub {

    private static CatalogStub instance;

    private final int port;
    private final Map<String, String> products = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong(1);
    private final AtomicInteger requests = new AtomicInteger();
    /** The traceparent header of the last request for each SKU. */
    private final Map<String, String> traceparents = new ConcurrentHashMap<>();
    private HttpServer server;

    private CatalogStub(int port) {
        this.port = port;
    }

    /** The stub, started on first use. */
    public static synchronized CatalogStub get() {
        if (instance == null) {
            URI url = URI.create(ConfigProvider.getConfig().getValue("quarkus.rest-client.catalog.url", String.class));
            instance = new CatalogStub(url.getPort());
            instance.start();
        }
        return instance;
    }

    public CatalogStub product(String sku, String name, String amount) {
        return product(sku, name, amount, "EUR");
    }

    public CatalogStub product(String sku, String name, String amount, String currency) {
        products.put(sku, "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"category\":\"bricks\","
                + "\"price\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}");
        return this;
    }

    public void remove(String sku) {
        products.remove(sku);
    }

    public void generation(long value) {
        generation.set(value);
    }

    /** Requests that reached the stub so far. */
    public int requests() {
        return requests.get();
    }

    /** The W3C traceparent header the last request for {@code sku} carried, or null. */
    public String traceparentFor(String sku) {
        return traceparents.get(sku);
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the catalog stub on port " + port, e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/catalog/products/", this::answer);
        server.start();
    }

    public synchronized void stop() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String sku = exchange.getRequestURI().getPath().substring("/api/catalog/products/".length());
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            traceparents.put(sku, traceparent);
        }
        String body = products.get(sku);
        byte[] bytes = (body != null ? body
                : "{\"type\":\"about:blank\",\"status\":404,\"detail\":\"no product " + sku + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                body != null ? "application/json" : "application/problem+json");
        exchange.getResponseHeaders().add("X-Catalog-Generation", Long.toString(generation.get()));
        exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
