package dev.bricks.drills;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded, mixed shopper load through the gateway: a few worker threads per kind of call, each
 * calling in a loop with a short pause. Every answer is classified ({@link Verdict}) and counted
 * per {@link Kind}; every acknowledged write goes into the {@link Ledger}.
 *
 * <ul>
 * <li>catalog: {@code GET /api/catalog/products/{sku}} over the 1,200 demo SKUs, and a search;</li>
 * <li>registrations: {@code POST /api/customers} with e-mails unique to this run;</li>
 * <li>cart changes: a pool of customers registered at the start, each with one cart and a few
 * SKUs, {@code PUT /api/carts/{id}/items/{sku}} with a quantity that changes every call;</li>
 * <li>checkouts: per customer a new cart, one or two lines, {@code POST /api/carts/{id}/checkout}
 * (retried up to three times on the same cart when it fails: a retry must answer the same order).</li>
 * </ul>
 * Each cart is changed by one worker only, so the ledger knows the order of the changes of a line.
 * The load does not honour long {@code Retry-After}s: it keeps asking every few hundred ms so that
 * the report shows how soon the shop answers again.
 */
public final class ShopLoad {

    /** The ten categories of the demo catalogue, 120 products each (KIT-0001 … OFF-0120). */
    static final String[] PREFIXES = { "KIT", "GAR", "OUT", "ELE", "BOO", "TOY", "HOM", "SPO", "BEA", "OFF" };
    static final int PRODUCTS_PER_PREFIX = 120;
    static final String SEARCH_WORD = "lamp";
    static final int SEARCH_SIZE = 5;
    static final int CHECKOUT_ATTEMPTS = 3;

    /**
     * How much load: workers per kind (the defaults suit a 2-core machine that also runs the whole
     * shop), the customer pools, and the pause between two calls of one worker.
     */
    public record Settings(int productWorkers, int searchWorkers, int registerWorkers, int cartWorkers,
            int checkoutWorkers, int cartCustomers, int linesPerCart, int checkoutCustomers, Duration pause,
            Duration registerPause, Duration failurePause) {

        public static Settings defaults() {
            return new Settings(2, 1, 1, 2, 1, 6, 4, 3, Duration.ofMillis(20), Duration.ofMillis(150),
                    Duration.ofMillis(200));
        }
    }

    private final ShopClient client;
    private final Settings settings;
    private final PrintStream log;
    private final String run;
    private final Ledger ledger = new Ledger();
    private final Map<Kind, CallStats> stats = new EnumMap<>(Kind.class);
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger wrongShown = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;
    private volatile long startNanos;
    private volatile long stoppedAt = -1;

    public ShopLoad(ShopClient client, Settings settings, PrintStream log) {
        this.client = client;
        this.settings = settings;
        this.log = log;
        this.run = Long.toString(System.currentTimeMillis(), 36)
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36), 36);
        for (Kind kind : Kind.values()) {
            stats.put(kind, new CallStats(kind));
        }
    }

    /** This run's id: part of every e-mail it registers. */
    public String run() {
        return run;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ShopClient client() {
        return client;
    }

    /** Milliseconds since the workers started (the load's clock, used by every timestamp). */
    public long now() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** When {@link #stop()} was called, on the load's clock; -1 while running. */
    public long stoppedAt() {
        return stoppedAt;
    }

    public Map<Kind, KindStats> stats() {
        Map<Kind, KindStats> snapshot = new EnumMap<>(Kind.class);
        stats.forEach((kind, s) -> snapshot.put(kind, s.snapshot()));
        return snapshot;
    }

    /**
     * Registers and signs in the customer pools, creates their carts (retrying for up to a minute:
     * the shop must be up), then starts the workers; the load's clock starts with them.
     */
    public void start() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Customer> cartCustomers = new ArrayList<>();
        List<Ledger.Cart> carts = new ArrayList<>();
        for (int i = 1; i <= settings.cartCustomers(); i++) {
            Customer customer = setupCustomer("c" + i, deadline);
            cartCustomers.add(customer);
            carts.add(setupCart(customer, deadline));
        }
        List<Customer> checkoutCustomers = new ArrayList<>();
        for (int i = 1; i <= settings.checkoutCustomers(); i++) {
            checkoutCustomers.add(setupCustomer("k" + i, deadline));
        }
        log.printf("load %s: %d shoppers with a cart, %d shoppers checking out, through %s%n", run,
                cartCustomers.size(), checkoutCustomers.size(), client.base());

        startNanos = System.nanoTime();
        running = true;
        for (int i = 0; i < settings.productWorkers(); i++) {
            spawn(Kind.PRODUCT, i, this::readProduct);
        }
        for (int i = 0; i < settings.searchWorkers(); i++) {
            spawn(Kind.SEARCH, i, this::search);
        }
        for (int i = 0; i < settings.registerWorkers(); i++) {
            spawn(Kind.REGISTER, i, this::register);
        }
        for (int i = 0; i < settings.cartWorkers(); i++) {
            List<Ledger.Cart> mine = share(carts, i, settings.cartWorkers());
            if (!mine.isEmpty()) {
                int[] next = { 0 };
                spawn(Kind.CART_CHANGE, i, () -> changeCart(mine.get(next[0]++ % mine.size())));
            }
        }
        for (int i = 0; i < settings.checkoutWorkers(); i++) {
            List<Customer> mine = share(checkoutCustomers, i, settings.checkoutWorkers());
            if (!mine.isEmpty()) {
                int[] next = { 0 };
                spawn(Kind.CHECKOUT, i, () -> checkOut(mine.get(next[0]++ % mine.size())));
            }
        }
    }

    /**
     * Stops the workers: each finishes its call in flight (at most the request timeout), so that
     * the ledger knows how every write ended.
     */
    public void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        stoppedAt = now();
        running = false;
        long deadline = System.nanoTime() + ShopClient.REQUEST_TIMEOUT.plusSeconds(5).toNanos();
        for (Thread worker : workers) {
            worker.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
        for (Thread worker : workers) {
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(5_000);
            }
        }
    }

    private static <T> List<T> share(List<T> all, int worker, int workers) {
        List<T> mine = new ArrayList<>();
        for (int i = worker; i < all.size(); i += workers) {
            mine.add(all.get(i));
        }
        return mine;
    }

    @FunctionalInterface
    private interface Step {
        /** One iteration; returns the verdict of its last call (to pick the pause). */
        Verdict once() throws InterruptedException;
    }

    private void spawn(Kind kind, int index, Step step) {
        Thread worker = new Thread(() -> {
            while (running) {
                Verdict verdict;
                try {
                    verdict = step.once();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // a bug of the drill itself: show it and count it, never hide it
                    e.printStackTrace(log);
                    verdict = Verdict.wrong("drill error: " + e);
                    record(kind, verdict);
                }
                try {
                    Thread.sleep((verdict == null || verdict.ok() ? settings.pause()
                            : settings.failurePause()).toMillis()
                            + (kind == Kind.REGISTER ? settings.registerPause().toMillis() : 0));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "drill-" + kind.label() + "-" + (index + 1));
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
    }

    private Verdict record(Kind kind, Verdict verdict) {
        stats.get(kind).record(now(), verdict);
        if (verdict.isWrong() && wrongShown.incrementAndGet() <= 20) {
            log.printf("[+%.1f s] WRONG %s: %s%n", now() / 1000.0, kind.label(), verdict.problem());
        }
        return verdict;
    }

    // ---- catalog ----

    static String randomSku() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, "%s-%04d", PREFIXES[random.nextInt(PREFIXES.length)],
                1 + random.nextInt(PRODUCTS_PER_PREFIX));
    }

    private Verdict readProduct() throws InterruptedException {
        String sku = randomSku();
        Answer answer = client.get("/api/catalog/products/" + sku, null);
        return record(Kind.PRODUCT, Verdict.of(answer, 200, body -> Checks.product(body, sku)));
    }

    private Verdict search() throws InterruptedException {
        Answer answer = client.get("/api/catalog/products?q=" + SEARCH_WORD + "&size=" + SEARCH_SIZE, null);
        return record(Kind.SEARCH, Verdict.of(answer, 200, body -> Checks.search(body, SEARCH_WORD, SEARCH_SIZE)));
    }

    // ---- customers ----

    private String email(String n) {
        return "drill-" + run + "-" + n + "@example.com";
    }

    private static String password() {
        return "drill-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    }

    private Verdict register() throws InterruptedException {
        String email = email(Integer.toString(registrations.incrementAndGet()));
        String password = password();
        Answer answer = client.post("/api/customers", null,
                Map.of("email", email, "password", password, "name", "Drill Shopper"));
        Verdict verdict = record(Kind.REGISTER, Verdict.of(answer, 201, body -> Checks.registration(body, email)));
        if (answer.status() == 201) {
            ledger.registered(email, password, Checks.text(jsonOrNull(answer), "id"));
        } else {
            ledger.registrationUnacknowledged();
        }
        return verdict;
    }

    private static com.fasterxml.jackson.databind.JsonNode jsonOrNull(Answer answer) {
        try {
            return answer.json();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * Signs {@code customer} in when it has no token or its token is getting old. Returns false
     * when it still has no usable token.
     */
    private boolean signedIn(Customer customer) throws InterruptedException {
        if (!customer.needsToken(System.nanoTime())) {
            return true;
        }
        Answer answer = client.post("/api/customers/token", null,
                Map.of("email", customer.email(), "password", customer.password()));
        Verdict verdict = record(Kind.SIGN_IN, Verdict.of(answer, 200, body -> Checks.token(body, customer.id())));
        if (verdict.ok()) {
            customer.signedIn(jsonOrNull(answer).get("accessToken").asText(),
                    jsonOrNull(answer).get("expiresIn").asLong(), System.nanoTime());
        }
        return customer.token() != null;
    }

    /** A 401 to a customer's call: the token is refused; sign in again before the next call. */
    private static void refusedToken(Answer answer, Customer customer) {
        if (answer.status() == 401) {
            customer.forgetToken();
        }
    }

    // ---- set-up (before the clock starts; retried, not counted) ----

    private Customer setupCustomer(String n, long deadline) throws InterruptedException {
        String email = email(n);
        String password = password();
        Customer customer = new Customer(email, password);
        Answer registered = setup("register " + email, deadline, () -> client.post("/api/customers", null,
                Map.of("email", email, "password", password, "name", "Drill Shopper " + n)), 201, 409);
        if (registered.status() == 201) {
            ledger.registered(email, password, Checks.text(jsonOrNull(registered), "id"));
        }
        Answer token = setup("sign in " + email, deadline, () -> client.post("/api/customers/token", null,
                Map.of("email", email, "password", password)), 200);
        customer.signedIn(jsonOrNull(token).get("accessToken").asText(), jsonOrNull(token).get("expiresIn").asLong(),
                System.nanoTime());
        return customer;
    }

    private Ledger.Cart setupCart(Customer customer, long deadline) throws InterruptedException {
        Answer created = setup("create a cart", deadline, () -> client.post("/api/carts", customer.token(), null), 201);
        String problem = Checks.newCart(jsonOrNull(created));
        if (problem != null) {
            throw new IllegalStateException("the shop created a cart wrongly: " + problem);
        }
        Ledger.Cart cart = ledger.cart(Checks.text(jsonOrNull(created), "id"), customer);
        while (cart.lines().size() < settings.linesPerCart()) {
            cart.line(randomSku());
        }
        return cart;
    }

    @FunctionalInterface
    private interface Call {
        Answer send() throws InterruptedException;
    }

    private Answer setup(String what, long deadline, Call call, int... expected) throws InterruptedException {
        Answer answer;
        do {
            answer = call.send();
            for (int status : expected) {
                if (answer.status() == status && jsonOrNull(answer) != null) {
                    return answer;
                }
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new IllegalStateException("the shop is not up at " + client.base() + ": cannot " + what + ": "
                + answer.describe());
    }

    // ---- carts ----

    private static int nextQuantity(Ledger.Line line) {
        int last = line.lastAcknowledged();
        int quantity;
        do {
            quantity = 1 + ThreadLocalRandom.current().nextInt(99);
        } while (quantity == last);
        return quantity;
    }

    private Verdict changeCart(Ledger.Cart cart) throws InterruptedException {
        if (!signedIn(cart.owner())) {
            return Verdict.failed(Failure.CONNECTION, "no token");
        }
        List<Ledger.Line> lines = cart.lines();
        return setLine(cart, lines.get(ThreadLocalRandom.current().nextInt(lines.size())));
    }

    /** One {@code PUT} of a line; the ledger learns its outcome whatever happens. */
    private Verdict setLine(Ledger.Cart cart, Ledger.Line line) throws InterruptedException {
        int quantity = nextQuantity(line);
        Answer answer;
        try {
            answer = client.put("/api/carts/" + cart.id() + "/items/" + line.sku(), cart.owner().token(),
                    Map.of("quantity", quantity));
        } catch (InterruptedException e) {
            line.unanswered(quantity);
            throw e;
        }
        if (answer.status() == 200) {
            line.acknowledged(quantity);
        } else {
            // a 503 or no answer may still have been applied; a wrong answer proves nothing either
            line.unanswered(quantity);
        }
        refusedToken(answer, cart.owner());
        return record(Kind.CART_CHANGE, Verdict.of(answer, 200, body -> Checks.cart(body, cart, line.sku(), quantity)));
    }

    // ---- checkouts ----

    private Verdict checkOut(Customer customer) throws InterruptedException {
        if (!signedIn(customer)) {
            return Verdict.failed(Failure.CONNECTION, "no token");
        }
        Answer created = client.post("/api/carts", customer.token(), null);
        refusedToken(created, customer);
        Verdict verdict = record(Kind.NEW_CART, Verdict.of(created, 201, Checks::newCart));
        if (!verdict.ok()) {
            return verdict;
        }
        Ledger.Cart cart = ledger.cart(Checks.text(jsonOrNull(created), "id"), customer);
        int lines = 1 + ThreadLocalRandom.current().nextInt(2);
        while (cart.lines().size() < lines) {
            cart.line(randomSku());
        }
        for (Ledger.Line line : cart.lines()) {
            verdict = setLine(cart, line);
        }
        if (!cart.hasAcknowledgedLine()) {
            return verdict; // it may be empty: a checkout could rightly answer 409; the verifier checks the cart
        }
        for (int attempt = 1; attempt <= CHECKOUT_ATTEMPTS && running; attempt++) {
            cart.checkoutTried();
            Answer answer = client.post("/api/carts/" + cart.id() + "/checkout", customer.token(), null);
            refusedToken(answer, customer);
            verdict = Verdict.of(answer, 202, Checks::checkout);
            if (verdict.ok()) {
                String orderId = jsonOrNull(answer).get("orderId").asText();
                String location = answer.header("Location").orElse(null);
                if (location != null && !location.endsWith("/api/orders/" + orderId)) {
                    verdict = Verdict.wrong("HTTP 202 for order " + orderId + " but Location " + location);
                }
                cart.checkedOut(orderId);
            }
            record(Kind.CHECKOUT, verdict);
            if (!verdict.failed()) {
                break;
            }
            Thread.sleep(settings.failurePause().toMillis());
        }
        return verdict;
    }
}
