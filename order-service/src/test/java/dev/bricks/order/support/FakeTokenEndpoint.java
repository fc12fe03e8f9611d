package dev.bricks.order.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bricks.testing.TestTokens;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stands in for customer-service's {@code POST /api/customers/token} (not running in this
 * module's tests): one staff and one customer account, tokens signed by {@link TestTokens}
 * exactly as customer-service signs them.
 */
public final class FakeTokenEndpoint {

    public static final String STAFF_EMAIL = "it-staff@bricks.test";
    public static final String STAFF_PASSWORD = "staff-secret-1";
    public static final String CUSTOMER_EMAIL = "it-customer@bricks.test";
    public static final String CUSTOMER_PASSWORD = "customer-secret-1";
    public static final String STAFF_ID = UUID.randomUUID().toString();

    private final HttpServer server;

    public FakeTokenEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/customers/token", this::token);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        JsonNode body = new ObjectMapper().readTree(exchange.getRequestBody());
        String email = body.path("email").asText();
        String password = body.path("password").asText();
        String token = null;
        if (STAFF_EMAIL.equals(email) && STAFF_PASSWORD.equals(password)) {
            token = TestTokens.staff(STAFF_ID, email);
        } else if (CUSTOMER_EMAIL.equals(email) && CUSTOMER_PASSWORD.equals(password)) {
            token = TestTokens.customer(UUID.randomUUID().toString(), email);
        }
        byte[] answer = (token == null
                ? "{\"status\":401,\"title\":\"Unauthorized\",\"detail\":\"wrong e-mail or password\"}"
                : "{\"accessToken\":\"" + token + "\",\"expiresIn\":900}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                token == null ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(token == null ? 401 : 200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
