package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a right answer looks like, per call (field names from shared-contracts: {@code Product},
 * {@code ProductPage}, {@code CustomerProfile}, {@code TokenResponse}, {@code CartView},
 * {@code CheckoutAccepted}, {@code OrderView}, {@code OrderPage}). Each check returns null when
 * the body is right, else what is wrong with it.
 */
public final class Checks {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Checks() {
    }

    public static boolean isUuid(String value) {
        return value != null && UUID.matcher(value).matches();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asText();
    }

    /** {@code GET /api/catalog/products/{sku}}: that product, named and priced. */
    public static String product(JsonNode body, String sku) {
        if (!sku.equals(text(body, "sku"))) {
            return "sku is " + text(body, "sku") + ", asked for " + sku;
        }
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            return "product " + sku + " has no name";
        }
        return price(body.get("price"), "product " + sku);
    }

    private static String price(JsonNode price, String what) {
        String amount = text(price, "amount");
        String currency = text(price, "currency");
        if (amount == null || currency == null || !CURRENCY.matcher(currency).matches()) {
            return what + " has no price with amount and currency: " + price;
        }
        try {
            if (new BigDecimal(amount).signum() <= 0) {
                return what + " costs " + amount;
            }
        } catch (NumberFormatException e) {
            return what + " has price amount " + amount;
        }
        return null;
    }

    /** {@code GET /api/catalog/products?q=WORD&size=N}: at most N products, each containing the word. */
    public static String search(JsonNode body, String word, int size) {
        JsonNode items = body.get("items");
        if (items == null || !items.isArray()) {
            return "no items array";
        }
        long total = body.path("total").asLong(-1);
        if (total < 0) {
            return "no total";
        }
        if (items.size() != Math.min(size, total)) {
            return items.size() + " items on the first page of " + total + " (size " + size + ")";
        }
        for (JsonNode item : items) {
            String haystack = (text(item, "name") + " " + text(item, "description")).toLowerCase(Locale.ROOT);
            if (!haystack.contains(word.toLowerCase(Locale.ROOT))) {
                return "item " + text(item, "sku") + " does not contain '" + word + "'";
            }
            String problem = price(item.get("price"), "item " + text(item, "sku"));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /** {@code POST /api/customers} 201: the profile of a new customer with that e-mail. */
    public static String registration(JsonNode body, String email) {
        if (!isUuid(text(body, "id"))) {
            return "id is " + text(body, "id");
        }
        if (!email.equalsIgnoreCase(text(body, "email"))) {
            return "e-mail is " + text(body, "email") + ", registered " + email;
        }
        if (!"customer".equals(text(body, "role"))) {
            return "role is " + text(body, "role");
        }
        if (body.has("password") || body.has("passwordHash")) {
            return "the profile shows the password";
        }
        return null;
    }

    /** {@code POST /api/customers/token} 200: a JWT for {@code customerId} (if known) and its lifetime. */
    public static String token(JsonNode body, String customerId) {
        String token = text(body, "accessToken");
        if (token == null || token.isBlank()) {
            return "no accessToken";
        }
        if (body.path("expiresIn").asLong(0) <= 0) {
            return "expiresIn is " + body.get("expiresIn");
        }
        try {
            String subject = Jwt.subject(token);
            if (customerId != null && !customerId.equals(subject)) {
                return "token for " + subject + ", expected " + customerId;
            }
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return null;
    }

    /** The lines of a cart answer as sku → quantity; null if the body is not a cart. */
    public static Map<String, Integer> lines(JsonNode cart) {
        JsonNode lines = cart == null ? null : cart.get("lines");
        if (lines == null || !lines.isArray()) {
            return null;
        }
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (JsonNode line : lines) {
            String sku = text(line, "sku");
            JsonNode quantity = line.get("quantity");
            if (sku == null || quantity == null || !quantity.canConvertToInt() || quantity.asInt() < 1
                    || quantities.put(sku, quantity.asInt()) != null) {
                return null;
            }
        }
        return quantities;
    }

    /** {@code POST /api/carts} 201: an empty cart with an id. */
    public static String newCart(JsonNode body) {
        String id = text(body, "id");
        if (id == null || id.isBlank()) {
            return "no cart id";
        }
        Map<String, Integer> lines = lines(body);
        if (lines == null || !lines.isEmpty()) {
            return "new cart " + id + " is not empty: " + body.get("lines");
        }
        return null;
    }

    /**
     * A cart answer ({@code GET}, or {@code PUT} which shows the cart after the change): that cart,
     * in a state the ledger accepts; after a {@code PUT} of {@code sku} the line has exactly
     * {@code quantity} (it is the state right after the change).
     */
    public static String cart(JsonNode body, Ledger.Cart cart, String sku, int quantity) {
        if (!cart.id().equals(text(body, "id"))) {
            return "cart id is " + text(body, "id") + ", asked for " + cart.id();
        }
        Map<String, Integer> shown = lines(body);
        if (shown == null) {
            return "not a cart (lines with sku and quantity): " + body.get("lines");
        }
        if (sku != null && shown.getOrDefault(sku, Ledger.ABSENT) != quantity) {
            return "cart " + cart.id() + " shows " + sku + " × " + shown.get(sku) + " after setting it to " + quantity;
        }
        String problem = cart.problemWith(shown);
        return problem == null ? null : "cart " + cart.id() + ": " + problem;
    }

    /** {@code POST /api/carts/{id}/checkout} 202: an order id (a UUID). */
    public static String checkout(JsonNode body) {
        String orderId = text(body, "orderId");
        return isUuid(orderId) ? null : "orderId is " + orderId;
    }

    /** {@code GET /api/orders/{id}}: that order, of that cart and customer, with lines the cart could have had. */
    public static String order(JsonNode body, String orderId, Ledger.Cart cart) {
        if (!orderId.equals(text(body, "orderId"))) {
            return "orderId is " + text(body, "orderId") + ", asked for " + orderId;
        }
        if (!cart.id().equals(text(body, "cartId"))) {
            return "order " + orderId + " is of cart " + text(body, "cartId") + ", checked out " + cart.id();
        }
        if (cart.owner().id() != null && !cart.owner().id().equals(text(body, "customerId"))) {
            return "order " + orderId + " is of customer " + text(body, "customerId")
                    + ", expected " + cart.owner().id();
        }
        if (text(body, "status") == null) {
            return "order " + orderId + " has no status";
        }
        Map<String, Integer> lines = lines(body);
        if (lines == null || lines.isEmpty()) {
            return "order " + orderId + " has no lines: " + body.get("lines");
        }
        String problem = cart.problemWith(lines);
        return problem == null ? null : "order " + orderId + ": " + problem;
    }
}
