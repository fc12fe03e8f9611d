package dev.bricks.drills;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every write the load made, so that the verifier can check afterwards that nothing
 * acknowledged was lost and nothing was applied twice:
 * <ul>
 * <li>registrations answered 201 (e-mail, password, customer id);</li>
 * <li>cart lines, with the set of quantities the line may fairly have now ({@link Line});</li>
 * <li>checkouts: the cart, its owner, and the order id of a 202 — or the fact that a checkout was
 * tried without a 202, in which case an order for that cart may or may not exist.</li>
 * </ul>
 * Thread-safe. Each cart is changed by one worker at a time.
 */
public final class Ledger {

    /** The "quantity" of a line that is not in the cart. */
    public static final int ABSENT = 0;

    /** A registration the shop acknowledged (201). */
    public record Registration(String email, String password, String customerId) {
    }

    private final List<Registration> registrations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger unacknowledgedRegistrations = new AtomicInteger();
    private final List<Cart> carts = Collections.synchronizedList(new ArrayList<>());

    public void registered(String email, String password, String customerId) {
        registrations.add(new Registration(email, password, customerId));
    }

    /** A registration that got no 201 (it may exist or not; nothing is promised about it). */
    public void registrationUnacknowledged() {
        unacknowledgedRegistrations.incrementAndGet();
    }

    public List<Registration> registrations() {
        synchronized (registrations) {
            return List.copyOf(registrations);
        }
    }

    public int unacknowledgedRegistrations() {
        return unacknowledgedRegistrations.get();
    }

    /** A cart the shop created (201) for {@code owner}. */
    public Cart cart(String cartId, Customer owner) {
        Cart cart = new Cart(cartId, owner);
        carts.add(cart);
        return cart;
    }

    public List<Cart> carts() {
        synchronized (carts) {
            return List.copyOf(carts);
        }
    }

    /**
     * One line of a cart and what the shop may fairly show for it.
     *
     * <p>A {@code PUT} answered 200 fixes the line's value. A {@code PUT} without a definite
     * answer (503, connection error, timeout) may or may not have been applied — and since its
     * request may still sit in a replica's queue, it may even land after later acknowledged
     * changes (it was concurrent with them). So the acceptable values are the last acknowledged
     * quantity (or {@link #ABSENT} if none was ever acknowledged) plus every quantity sent
     * without a definite answer. Anything else means an acknowledged change was lost (or a value
     * appeared that nobody wrote).
     */
    public static final class Line {
        private final String sku;
        private Integer acknowledged;
        private final Set<Integer> unanswered = new LinkedHashSet<>();

        Line(String sku) {
            this.sku = sku;
        }

        public String sku() {
            return sku;
        }

        /** The shop answered 200 to setting {@code quantity}. */
        public synchronized void acknowledged(int quantity) {
            acknowledged = quantity;
        }

        /** Setting {@code quantity} got no definite answer: it may or may not have been applied. */
        public synchronized void unanswered(int quantity) {
            unanswered.add(quantity);
        }

        public synchronized boolean wasAcknowledged() {
            return acknowledged != null;
        }

        /** The last acknowledged quantity, or {@link #ABSENT}. */
        public synchronized int lastAcknowledged() {
            return acknowledged == null ? ABSENT : acknowledged;
        }

        /** Every quantity the line may have now ({@link #ABSENT}: not in the cart). */
        public synchronized SortedSet<Integer> acceptable() {
            SortedSet<Integer> values = new TreeSet<>(unanswered);
            values.add(lastAcknowledged());
            return values;
        }

        public synchronized boolean accepts(int quantityOrAbsent) {
            return quantityOrAbsent == lastAcknowledged() || unanswered.contains(quantityOrAbsent);
        }

        @Override
        public synchronized String toString() {
            return sku + " " + describe(acceptable());
        }
    }

    /** "[absent, 3]" */
    public static String describe(Set<Integer> values) {
        List<String> out = new ArrayList<>();
        for (int v : values) {
            out.add(v == ABSENT ? "absent" : Integer.toString(v));
        }
        return out.toString();
    }

    /** A cart of the load, its lines and its checkout. */
    public static final class Cart {
        private final String id;
        private final Customer owner;
        private final Map<String, Line> lines = new LinkedHashMap<>();
        private boolean checkoutTried;
        private String orderId;

        Cart(String id, Customer owner) {
            this.id = id;
            this.owner = owner;
        }

        public String id() {
            return id;
        }

        public Customer owner() {
            return owner;
        }

        public synchronized Line line(String sku) {
            return lines.computeIfAbsent(sku, Line::new);
        }

        public synchronized List<Line> lines() {
            return List.copyOf(lines.values());
        }

        /** A checkout of this cart was sent (whatever its answer). */
        public synchronized void checkoutTried() {
            checkoutTried = true;
        }

        /** The shop answered 202 with {@code orderId}. */
        public synchronized void checkedOut(String orderId) {
            checkoutTried = true;
            this.orderId = orderId;
        }

        public synchronized boolean isCheckoutTried() {
            return checkoutTried;
        }

        /** The acknowledged order id, or null. */
        public synchronized String orderId() {
            return orderId;
        }

        public synchronized boolean isCheckedOut() {
            return orderId != null;
        }

        /** Tried, but no 202: an order for this cart may exist ("unacknowledged but stored") or not. */
        public synchronized boolean isCheckoutUnacknowledged() {
            return checkoutTried && orderId == null;
        }

        /** Why {@code shown} (sku → quantity) is not an acceptable state of this cart, or null if it is. */
        public synchronized String problemWith(Map<String, Integer> shown) {
            List<String> problems = new ArrayList<>();
            for (Line line : lines.values()) {
                int quantity = shown.getOrDefault(line.sku(), ABSENT);
                if (!line.accepts(quantity)) {
                    problems.add(line.sku() + " is " + (quantity == ABSENT ? "absent" : quantity)
                            + ", acceptable " + describe(line.acceptable()));
                }
            }
            for (String sku : shown.keySet()) {
                if (!lines.containsKey(sku)) {
                    problems.add(sku + " is " + shown.get(sku) + " but was never written");
                }
            }
            return problems.isEmpty() ? null : String.join("; ", problems);
        }

        /** Lines whose acknowledged quantity {@code shown} does not keep (lost acknowledged changes). */
        public synchronized List<Line> lostIn(Map<String, Integer> shown) {
            List<Line> lost = new ArrayList<>();
            for (Line line : lines.values()) {
                if (line.wasAcknowledged() && !line.accepts(shown.getOrDefault(line.sku(), ABSENT))) {
                    lost.add(line);
                }
            }
            return lost;
        }

        /** Whether at least one line was acknowledged (only then is a checkout sure to find the cart non-empty). */
        public synchronized boolean hasAcknowledgedLine() {
            return lines.values().stream().anyMatch(Line::wasAcknowledged);
        }

        @Override
        public synchronized String toString() {
            return "cart " + id + " of " + owner.email() + " " + lines.values();
        }
    }
}
