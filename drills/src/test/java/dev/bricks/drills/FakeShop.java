package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-memory stand-in for the shop's public API, as the drills call it through the gateway, with
 * switches that break its promises on purpose. Lets the unit tests run a whole drill — load,
 * fault, verification — in a few seconds.
 */
final class FakeShop implements AutoCloseable {

    /** Answer every request with this (503 or 500) while set; 0: serve. */
    volatile int outage;
    /** Checkouts store the order (and empty the cart) but answer 503: the client never learns the order id. */
    volatile boolean checkoutAnswerLost;
    /** Every checkout stores a second order for the same cart. */
    volatile boolean doubleOrders;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, String[]> customers = new HashMap<>(); // email → {password, id}
    private final Map<String, Cart> carts = new HashMap<>();
    private final Map<String, ObjectNode> orders = new LinkedHashMap<>();

    private static final class Cart {
        String owner;
        final Map<String, Integer> lines = new LinkedHashMap<>();
        String publishedOrder;
    }

    FakeShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Forgets every cart line, as a Redis that lost its data would. */
    synchronized void forgetCustomers() {
        customers.clear();
    }

    synchronized void wipeCarts() {
        carts.values().forEach(cart -> cart.lines.clear());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static final Pattern PRODUCT = Pattern.compile("/api/catalog/products/([A-Z]{3}-\\d{4})");
    private static final Pattern CART = Pattern.compile("/api/carts/([\\w-]+)");
    private static final Pattern LINE = Pattern.compile("/api/carts/([\\w-]+)/items/([\\w-]+)");
    private static final Pattern CHECKOUT = Pattern.compile("/api/carts/([\\w-]+)/checkout");
    private static final Pattern ORDER = Pattern.compile("/api/orders/([\\w-]+)");
    private static final Pattern CUSTOMER = Pattern.compile("/api/customers/([0-9a-f-]{36})");

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getQuery();
            JsonNode body = null;
            byte[] in = exchange.getRequestBody().readAllBytes();
            if (in.length > 0) {
                body = Answer.JSON.readTree(in);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String subject = null;
            try {
                subject = auth == null ? null : Jwt.subject(auth.substring("Bearer ".length()));
            } catch (IllegalArgumentException e) {
                // the staff "token" of the tests: any bearer may read orders
            }
            Object[] answer;
            if (outage != 0) {
                answer = new Object[] { outage, problem(outage, "down") };
            } else {
                synchronized (this) {
                    answer = route(method, path, query, body, subject);
                }
            }
            int status = (Integer) answer[0];
            if (status == 503) {
                exchange.getResponseHeaders().add("Retry-After", "1");
            }
            if (answer.length > 2) {
                exchange.getResponseHeaders().add("Location", (String) answer[2]);
            }
            byte[] out = Answer.JSON.writeValueAsBytes(answer[1]);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
        }
    }

    private static ObjectNode problem(int status, String detail) {
        return Answer.JSON.createObjectNode().put("status", status).put("detail", detail);
    }

    private Object[] route(String method, String path, String query, JsonNode body, String subject) {
        Matcher m;
        if (method.equals("GET") && (m = PRODUCT.matcher(path)).matches()) {
            return new Object[] { 200, product(m.group(1), "Pan") };
        }
        if (method.equals("GET") && path.equals("/api/catalog/products")) {
            ObjectNode page = Answer.JSON.createObjectNode().put("total", 1).put("page", 0).put("size", 5);
            page.putArray("items").add(product("ELE-0007", "Desk Lamp"));
            return new Object[] { 200, page };
        }
        if (method.equals("POST") && path.equals("/api/customers")) {
            String email = body.get("email").asText();
            if (customers.containsKey(email)) {
                return new Object[] { 409, problem(409, "registered") };
            }
            String id = UUID.randomUUID().toString();
            customers.put(email, new String[] { body.get("password").asText(), id });
            return new Object[] { 201, Answer.JSON.createObjectNode().put("id", id).put("email", email)
                    .put("name", body.get("name").asText()).put("role", "customer") };
        }
        if (method.equals("POST") && path.equals("/api/customers/token")) {
            String[] customer = customers.get(body.get("email").asText());
            if (customer == null || !customer[0].equals(body.get("password").asText())) {
                return new Object[] { 401, problem(401, "no") };
            }
            return new Object[] { 200, Answer.JSON.createObjectNode().put("accessToken", token(customer[1]))
                    .put("expiresIn", 900) };
        }
        if (method.equals("GET") && (m = CUSTOMER.matcher(path)).matches()) {
            // staff look a customer up by id
            String id = m.group(1);
            return customers.entrySet().stream().filter(c -> c.getValue()[1].equals(id)).findFirst()
                    .map(c -> new Object[] { 200,
                        Answer.JSON.createObjectNode().put("id", id).put("email", c.getKey()) })
                    .orElseGet(() -> new Object[] { 404, problem(404, "no customer") });
        }
        if (method.equals("POST") && path.equals("/api/carts")) {
            Cart cart = new Cart();
            cart.owner = subject;
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
            carts.put(id, cart);
            return new Object[] { 201, view(id, cart) };
        }
        if (method.equals("PUT") && (m = LINE.matcher(path)).matches()) {
            Cart cart = carts.get(m.group(1));
            if (cart == null || !cart.owner.equals(subject)) {
                return new Object[] { 404, problem(404, "no cart") };
            }
            cart.lines.put(m.group(2), body.get("quantity").asInt());
            cart.publishedOrder = null;
            return new Object[] { 200, view(m.group(1), cart) };
        }
        if (method.equals("POST") && (m = CHECKOUT.matcher(path)).matches()) {
            String cartId = m.group(1);
            Cart cart = carts.get(cartId);
            if (cart == null || !cart.owner.equals(subject)) {
                return new Object[] { 404, problem(404, "no cart") };
            }
            if (cart.publishedOrder == null) {
                if (cart.lines.isEmpty()) {
                    return new Object[] { 409, problem(409, "empty") };
                }
                cart.publishedOrder = store(cartId, cart);
                if (doubleOrders) {
                    store(cartId, cart);
                }
                cart.lines.clear();
            }
            if (checkoutAnswerLost) {
                return new Object[] { 503, problem(503, "broker did not answer") };
            }
            return new Object[] { 202, Answer.JSON.createObjectNode().put("orderId", cart.publishedOrder),
                    "/api/orders/" + cart.publishedOrder };
        }
        if (method.equals("GET") && (m = CART.matcher(path)).matches()) {
            Cart cart = carts.get(m.group(1));
            if (cart == null || !cart.owner.equals(subject)) {
                return new Object[] { 404, problem(404, "no cart") };
            }
            return new Object[] { 200, view(m.group(1), cart) };
        }
        if (method.equals("GET") && (m = ORDER.matcher(path)).matches()) {
            ObjectNode order = orders.get(m.group(1));
            return order == null ? new Object[] { 404, problem(404, "no order") } : new Object[] { 200, order };
        }
        if (method.equals("GET") && path.equals("/api/orders")) {
            String customerId = query.replaceAll(".*customerId=([^&]+).*", "$1");
            List<ObjectNode> theirs = new ArrayList<>();
            orders.values().stream().filter(o -> o.get("customerId").asText().equals(customerId)).forEach(theirs::add);
            int page = Integer.parseInt(query.replaceAll(".*page=(\\d+).*", "$1"));
            int size = Integer.parseInt(query.replaceAll(".*size=(\\d+).*", "$1"));
            ObjectNode answer = Answer.JSON.createObjectNode().put("page", page).put("size", size)
                    .put("totalItems", theirs.size()).put("totalPages", (theirs.size() + size - 1) / size);
            ArrayNode items = answer.putArray("items");
            theirs.stream().skip((long) page * size).limit(size).forEach(items::add);
            return new Object[] { 200, answer };
        }
        return new Object[] { 404, problem(404, "no route " + method + " " + path) };
    }

    private String store(String cartId, Cart cart) {
        String orderId = UUID.randomUUID().toString();
        ObjectNode order = Answer.JSON.createObjectNode().put("orderId", orderId).put("cartId", cartId)
                .put("customerId", cart.owner).put("status", "PLACED");
        ArrayNode lines = order.putArray("lines");
        cart.lines.forEach((sku, quantity) -> lines.addObject().put("sku", sku).put("quantity", quantity));
        orders.put(orderId, order);
        return orderId;
    }

    private static ObjectNode view(String id, Cart cart) {
        ObjectNode view = Answer.JSON.createObjectNode().put("id", id);
        ArrayNode lines = view.putArray("lines");
        cart.lines.forEach((sku, quantity) -> lines.addObject().put("sku", sku).put("quantity", quantity));
        return view;
    }

    private static ObjectNode product(String sku, String name) {
        ObjectNode product = Answer.JSON.createObjectNode().put("sku", sku).put("name", name).put("description", "");
        product.putObject("price").put("amount", "12.50").put("currency", "EUR");
        return product;
    }

    static String token(String subject) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8)) + ".sig";
    }
}
