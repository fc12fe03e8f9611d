package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bricks.drills.Verification.Count;
import dev.bricks.drills.Verification.Write;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Checks, after a load, every write in the {@link Ledger} against what the shop shows:
 * <ul>
 * <li>each acknowledged registration is on record: staff find its id with its e-mail
 * ({@code GET /api/customers/{id}}), and every {@value #SIGN_IN_EVERY}th signs in
 * ({@code POST /api/customers/token} → 200, same id) — a sign-in is a bcrypt hash, and checking every
 * registration so was most of a drill's verification time on 2 cores;</li>
 * <li>each cart that was not checked out shows every line with an acceptable quantity
 * ({@link Ledger.Line}) and no line nobody wrote;</li>
 * <li>each acknowledged checkout's order is visible to staff ({@code GET /api/orders/{id}}), of
 * that cart and customer, with the cart's lines — polled for up to {@code orderWait}, since
 * draining may lag behind after a fault;</li>
 * <li>exactly once: the customer's orders ({@code GET /api/orders?customerId=…}) list each
 * acknowledged order once, no second order for one cart, and no order for a cart that was never
 * checked out; an order for a checkout that got no 202 is allowed and counted
 * ("unacked but stored");</li>
 * <li>a checked-out cart is empty.</li>
 * </ul>
 * The verifier's own calls are retried while the shop answers 503 or not at all (for up to
 * {@link #CALL_BUDGET} each); a write it still cannot check is "unverified", which fails a drill.
 */
public final class Verifier {

    /** The default time to wait for acknowledged orders to be drained into order-service. */
    public static final Duration ORDER_WAIT = Duration.ofSeconds(90);
    /** How long one verification call is retried while the shop does not answer. */
    static final Duration CALL_BUDGET = Duration.ofSeconds(30);
    static final int PAGE_SIZE = 100;
    /** One registration in this many is checked by signing in (and every one staff cannot be asked about). */
    static final int SIGN_IN_EVERY = 10;

    private final ShopClient client;
    private final Supplier<String> staffToken;
    private final Duration orderWait;
    private final PrintStream log;
    private final Map<Customer, String> tokens = new ConcurrentHashMap<>();

    public Verifier(ShopClient client, Supplier<String> staffToken, Duration orderWait, PrintStream log) {
        this.client = client;
        this.staffToken = staffToken;
        this.orderWait = orderWait;
        this.log = log;
    }

    public Verification verify(Ledger ledger) throws InterruptedException {
        Verification result = new Verification();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3, r -> {
            Thread thread = new Thread(r, "drill-verifier");
            thread.setDaemon(true);
            return thread;
        });
        try {
            registrations(ledger, result, pool);
            List<Ledger.Cart> carts = ledger.carts();
            // carts whose checkout got no 202 are checked with their customer's orders
            List<Ledger.Cart> open = carts.stream().filter(c -> !c.isCheckoutTried()).toList();
            List<Ledger.Cart> checkedOut = carts.stream().filter(Ledger.Cart::isCheckedOut).toList();
            openCarts(open, result, pool);
            emptiedCarts(checkedOut, result, pool);
            orders(carts, result, pool);
        } finally {
            pool.shutdownNow();
        }
        log.printf("verified %d acknowledged writes in %.1f s: %d lost, %d duplicated, %d unexpected, "
                + "%d unacked but stored, %d unverified%n", result.checked(),
                (System.nanoTime() - started) / 1e9, result.lost(), result.duplicated(), result.unexpected(),
                result.unackedButStored(), result.unverified());
        return result;
    }

    // ---- registrations ----

    private void registrations(Ledger ledger, Verification result, ExecutorService pool) throws InterruptedException {
        List<Ledger.Registration> registrations = ledger.registrations();
        String staff = registrations.isEmpty() ? null : staffOrNull();
        List<Callable> checks = new ArrayList<>();
        for (int i = 0; i < registrations.size(); i++) {
            Ledger.Registration registration = registrations.get(i);
            if (staff == null || registration.customerId() == null || i % SIGN_IN_EVERY == 0) {
                checks.add(() -> signsIn(registration, result));
            } else {
                checks.add(() -> isOnRecord(registration, staff, result));
            }
        }
        runAll(checks, pool);
    }

    private void signsIn(Ledger.Registration registration, Verification result) throws InterruptedException {
        Answer answer = reliably(() -> client.post("/api/customers/token", null,
                Map.of("email", registration.email(), "password", registration.password())));
        result.add(Write.REGISTRATION, Count.CHECKED);
        if (answer.status() == 200) {
            String problem = Checks.token(json(answer), registration.customerId());
            if (problem != null) {
                result.problem(Write.REGISTRATION, Count.UNEXPECTED, registration.email() + ": " + problem);
            }
        } else if (answer.status() == 401) {
            result.problem(Write.REGISTRATION, Count.LOST, registration.email()
                    + " was registered (201) but cannot sign in (401)");
        } else {
            result.problem(Write.REGISTRATION, Count.UNVERIFIED, registration.email() + ": sign-in answered "
                    + answer.describe());
        }
    }

    private void isOnRecord(Ledger.Registration registration, String staff, Verification result)
            throws InterruptedException {
        Answer answer = reliably(() -> client.get("/api/customers/" + registration.customerId(), staff));
        result.add(Write.REGISTRATION, Count.CHECKED);
        if (answer.status() == 200) {
            String email = Checks.text(json(answer), "email");
            if (!registration.email().equalsIgnoreCase(email)) {
                result.problem(Write.REGISTRATION, Count.UNEXPECTED, "customer " + registration.customerId()
                        + " has the e-mail " + email + ", registered as " + registration.email());
            }
        } else if (answer.status() == 404) {
            result.problem(Write.REGISTRATION, Count.LOST, registration.email() + " was registered (201) as "
                    + registration.customerId() + ", which staff cannot find (404)");
        } else {
            result.problem(Write.REGISTRATION, Count.UNVERIFIED, registration.email() + ": the staff lookup answered "
                    + answer.describe());
        }
    }

    /** A staff token, or null when none can be had (every registration is then checked by signing in). */
    private String staffOrNull() {
        try {
            return staffToken.get();
        } catch (RuntimeException e) {
            log.printf("no staff token (%s): every registration is checked by signing in%n", e.getMessage());
            return null;
        }
    }

    // ---- carts ----

    private void openCarts(List<Ledger.Cart> carts, Verification result, ExecutorService pool)
            throws InterruptedException {
        List<Callable> checks = new ArrayList<>();
        for (Ledger.Cart cart : carts) {
            checks.add(() -> checkLines(cart, result));
        }
        runAll(checks, pool);
    }

    /** The cart shows each line with an acceptable quantity and no line nobody wrote. */
    private void checkLines(Ledger.Cart cart, Verification result) throws InterruptedException {
        List<Ledger.Line> lines = cart.lines();
        int acknowledged = (int) lines.stream().filter(Ledger.Line::wasAcknowledged).count();
        Map<String, Integer> shown = shownLines(cart, result, Write.CART_LINE, acknowledged);
        if (shown == null) {
            return;
        }
        result.add(Write.CART_LINE, Count.CHECKED, acknowledged);
        for (Ledger.Line line : lines) {
            int quantity = shown.getOrDefault(line.sku(), Ledger.ABSENT);
            if (!line.accepts(quantity)) {
                String problem = "cart " + cart.id() + " shows " + line.sku() + " "
                        + (quantity == Ledger.ABSENT ? "absent" : "× " + quantity) + ", acceptable "
                        + Ledger.describe(line.acceptable());
                result.problem(Write.CART_LINE, line.wasAcknowledged() ? Count.LOST : Count.UNEXPECTED, problem);
            }
        }
        for (String sku : shown.keySet()) {
            if (lines.stream().noneMatch(l -> l.sku().equals(sku))) {
                result.problem(Write.CART_LINE, Count.UNEXPECTED, "cart " + cart.id() + " shows " + sku
                        + " × " + shown.get(sku) + ", never written");
            }
        }
    }

    private void emptiedCarts(List<Ledger.Cart> carts, Verification result, ExecutorService pool)
            throws InterruptedException {
        List<Callable> checks = new ArrayList<>();
        for (Ledger.Cart cart : carts) {
            checks.add(() -> {
                Map<String, Integer> shown = shownLines(cart, result, Write.EMPTIED_CART, 1);
                if (shown == null) {
                    return;
                }
                result.add(Write.EMPTIED_CART, Count.CHECKED);
                if (!shown.isEmpty()) {
                    result.problem(Write.EMPTIED_CART, Count.UNEXPECTED,
                            "cart " + cart.id() + " was checked out (order "
                            + cart.orderId() + ") but still shows " + shown);
                }
            });
        }
        runAll(checks, pool);
    }

    /**
     * The cart's lines as its owner sees them, or null when they cannot be had; then its
     * {@code writes} acknowledged writes are counted as lost (404: the cart is gone) or unverified.
     */
    private Map<String, Integer> shownLines(Ledger.Cart cart, Verification result, Write write, int writes)
            throws InterruptedException {
        Answer answer = showCart(cart);
        if (answer == null) {
            result.problem(write, Count.UNVERIFIED, writes, "cart " + cart.id() + ": its owner cannot sign in");
            return null;
        }
        if (answer.status() == 200) {
            Map<String, Integer> shown = Checks.lines(json(answer));
            if (shown != null && cart.id().equals(Checks.text(json(answer), "id"))) {
                return shown;
            }
            result.problem(write, Count.UNEXPECTED, "cart " + cart.id() + " answered " + answer.describe());
        } else if (answer.status() == 404) {
            result.add(write, Count.CHECKED, writes);
            result.problem(write, Count.LOST, writes, "cart " + cart.id() + " is gone (404); it had " + writes
                    + " acknowledged write(s)");
        } else {
            result.problem(write, Count.UNVERIFIED, writes, "cart " + cart.id() + ": " + answer.describe());
        }
        return null;
    }

    /** {@code GET /api/carts/{id}} as its owner, or null when the owner cannot sign in. */
    private Answer showCart(Ledger.Cart cart) throws InterruptedException {
        String token = token(cart.owner());
        return token == null ? null : reliably(() -> client.get("/api/carts/" + cart.id(), token));
    }

    /** A fresh token of {@code customer} (signing in once per verification), or null. */
    private String token(Customer customer) throws InterruptedException {
        String token = tokens.get(customer);
        if (token != null) {
            return token;
        }
        Answer answer = reliably(() -> client.post("/api/customers/token", null,
                Map.of("email", customer.email(), "password", customer.password())));
        if (answer.status() != 200 || Checks.token(json(answer), customer.id()) != null) {
            return null;
        }
        token = json(answer).get("accessToken").asText();
        tokens.put(customer, token);
        return token;
    }

    // ---- orders ----

    private void orders(List<Ledger.Cart> carts, Verification result, ExecutorService pool)
            throws InterruptedException {
        List<Ledger.Cart> acknowledged = carts.stream().filter(Ledger.Cart::isCheckedOut).toList();
        if (carts.stream().noneMatch(Ledger.Cart::isCheckoutTried)) {
            return;
        }
        String staff;
        try {
            staff = staffToken.get();
        } catch (RuntimeException e) {
            result.problem(Write.CHECKOUT, Count.UNVERIFIED, acknowledged.size(), "no staff token: " + e.getMessage());
            return;
        }
        // 1. every acknowledged order becomes visible (draining may lag): poll until the deadline
        long deadline = System.nanoTime() + orderWait.toNanos();
        Map<Ledger.Cart, Answer> found = new ConcurrentHashMap<>();
        List<Ledger.Cart> missing = acknowledged;
        int round = 0;
        while (true) {
            List<Callable> lookups = new ArrayList<>();
            for (Ledger.Cart cart : missing) {
                lookups.add(() -> {
                    Answer answer = reliably(() -> client.get("/api/orders/" + cart.orderId(), staff));
                    if (answer.status() != 404) {
                        found.put(cart, answer);
                    }
                });
            }
            runAll(lookups, pool);
            missing = missing.stream().filter(c -> !found.containsKey(c)).toList();
            if (missing.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            if (round++ == 0) {
                log.printf("waiting up to %d s for %d of %d acknowledged orders to be drained%n",
                        orderWait.toSeconds(), missing.size(), acknowledged.size());
            }
            Thread.sleep(2_000);
        }
        for (Ledger.Cart cart : acknowledged) {
            result.add(Write.CHECKOUT, Count.CHECKED);
            Answer answer = found.get(cart);
            if (answer == null) {
                result.problem(Write.CHECKOUT, Count.LOST, "order " + cart.orderId() + " (cart " + cart.id()
                        + ", answered 202) is not stored after " + orderWait.toSeconds() + " s");
            } else if (answer.status() != 200) {
                result.problem(Write.CHECKOUT, Count.UNVERIFIED, "order " + cart.orderId() + ": " + answer.describe());
            } else {
                String problem = Checks.order(json(answer), cart.orderId(), cart);
                if (problem != null) {
                    result.problem(Write.CHECKOUT, Count.UNEXPECTED, problem);
                }
            }
        }
        // 2. exactly once, per customer
        Map<Customer, List<Ledger.Cart>> byCustomer = new LinkedHashMap<>();
        for (Ledger.Cart cart : carts) {
            if (cart.isCheckoutTried()) {
                byCustomer.computeIfAbsent(cart.owner(), c -> new ArrayList<>()).add(cart);
            }
        }
        List<Callable> lists = new ArrayList<>();
        byCustomer.forEach((customer, theirs) ->
                lists.add(() -> exactlyOnce(customer, theirs, staff, deadline, result)));
        runAll(lists, pool);
    }

    /**
     * The customer's orders, grouped by cart: one per acknowledged checkout (its order id), at
     * most one per unacknowledged checkout, none for other carts. A cart whose checkout got no
     * 202 and has no order must still hold its lines — unless its order is still being drained
     * (its cart was emptied): then the listing is repeated until the deadline.
     */
    private void exactlyOnce(Customer customer, List<Ledger.Cart> carts, String staff, long deadline,
            Verification result) throws InterruptedException {
        Listing listing;
        List<Ledger.Cart> withoutOrder;
        while (true) {
            listing = listing(customer, staff);
            if (listing.error() != null) {
                int acknowledged = (int) carts.stream().filter(Ledger.Cart::isCheckedOut).count();
                result.problem(Write.CHECKOUT, Count.UNVERIFIED, acknowledged, "orders of " + customer + ": "
                        + listing.error());
                return;
            }
            Map<String, List<String>> listed = listing.byCart();
            withoutOrder = carts.stream()
                    .filter(c -> c.isCheckoutUnacknowledged() && !listed.containsKey(c.id())).toList();
            boolean emptiedWithoutOrder = false;
            for (Ledger.Cart cart : withoutOrder) {
                Answer answer = showCart(cart);
                Map<String, Integer> shown =
                        answer == null || answer.status() != 200 ? null : Checks.lines(json(answer));
                emptiedWithoutOrder |= shown != null && shown.isEmpty() && cart.hasAcknowledgedLine();
            }
            if (!emptiedWithoutOrder || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(2_000);
        }
        for (String order : listing.foreign()) {
            result.problem(Write.CHECKOUT, Count.UNEXPECTED, "the orders of customer " + customer.id() + " include "
                    + order);
        }
        Map<String, List<String>> ordersByCart = listing.byCart();
        for (Ledger.Cart cart : carts) {
            List<String> stored = ordersByCart.getOrDefault(cart.id(), List.of());
            if (cart.isCheckedOut()) {
                long same = stored.stream().filter(cart.orderId()::equals).count();
                if (same == 0) {
                    result.problem(Write.CHECKOUT, Count.LOST, "order " + cart.orderId() + " of cart " + cart.id()
                            + " is missing from the orders of customer " + customer.id() + " " + stored);
                } else if (stored.size() > 1) {
                    result.problem(Write.CHECKOUT, Count.DUPLICATED, "cart " + cart.id() + " (acknowledged order "
                            + cart.orderId() + ") became " + stored.size() + " orders " + stored);
                }
            } else if (stored.size() == 1) {
                result.add(Write.CHECKOUT, Count.UNACKED_BUT_STORED);
            } else if (stored.size() > 1) {
                result.problem(Write.CHECKOUT, Count.DUPLICATED, "cart " + cart.id()
                        + " (checkout not acknowledged) became " + stored.size() + " orders " + stored);
            }
        }
        for (Ledger.Cart cart : withoutOrder) {
            checkLines(cart, result); // no order: the cart must still hold what was acknowledged
        }
        for (Map.Entry<String, List<String>> entry : ordersByCart.entrySet()) {
            if (carts.stream().noneMatch(c -> c.id().equals(entry.getKey()))) {
                result.problem(Write.CHECKOUT, Count.UNEXPECTED, "customer " + customer.id() + " has order(s) "
                        + entry.getValue() + " for cart " + entry.getKey() + ", which was never checked out");
            }
        }
    }

    /**
     * A customer's orders as cart id → order ids, orders of someone else in the listing, or why
     * it cannot be read.
     */
    private record Listing(Map<String, List<String>> byCart, List<String> foreign, String error) {
    }

    /** Every order of the customer (staff listing, all pages). */
    private Listing listing(Customer customer, String staff) throws InterruptedException {
        Map<String, List<String>> byCart = new HashMap<>();
        List<String> foreign = new ArrayList<>();
        for (int page = 0;; page++) {
            String path = "/api/orders?customerId=" + customer.id() + "&size=" + PAGE_SIZE + "&page=" + page;
            Answer answer = reliably(() -> client.get(path, staff));
            JsonNode body = answer.status() == 200 ? json(answer) : null;
            if (body == null || !body.path("items").isArray()) {
                return new Listing(null, foreign, answer.describe());
            }
            for (JsonNode order : body.get("items")) {
                if (!customer.id().equals(Checks.text(order, "customerId"))) {
                    foreign.add(Checks.text(order, "orderId") + " of " + Checks.text(order, "customerId"));
                    continue;
                }
                byCart.computeIfAbsent(String.valueOf(Checks.text(order, "cartId")), c -> new ArrayList<>())
                        .add(Checks.text(order, "orderId"));
            }
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                return new Listing(byCart, foreign, null);
            }
        }
    }

    // ---- plumbing ----

    @FunctionalInterface
    private interface Call {
        Answer send() throws InterruptedException;
    }

    @FunctionalInterface
    private interface Callable {
        void run() throws InterruptedException;
    }

    /** Sends until the shop answers something other than 503/502/504 or nothing, within {@link #CALL_BUDGET}. */
    private static Answer reliably(Call call) throws InterruptedException {
        long deadline = System.nanoTime() + CALL_BUDGET.toNanos();
        while (true) {
            Answer answer = call.send();
            boolean transient_ = answer.failure() != null || answer.status() == 502 || answer.status() == 503
                    || answer.status() == 504;
            if (!transient_ || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(500);
        }
    }

    private static JsonNode json(Answer answer) {
        try {
            return answer.json();
        } catch (IOException e) {
            return null;
        }
    }

    private static void runAll(List<Callable> tasks, ExecutorService pool) throws InterruptedException {
        List<Future<?>> futures = new ArrayList<>();
        for (Callable task : tasks) {
            futures.add(pool.submit(() -> {
                task.run();
                return null;
            }));
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("verification failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
