import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP probes of ./bricks bench that need per-request timestamps (wrk has none). JDK only, run
 * with the source launcher: {@code java bench/probes/Probe.java MODE ...}. Each mode prints one
 * JSON line.
 *
 * <ul>
 * <li>{@code checkout-latency GATEWAY TOKEN SKU COUNT}: COUNT times, one after the other: a new cart,
 * one item, checkout; then polls {@code GET /api/orders/{id}} until the order is visible. Reports the
 * end-to-end time from sending the checkout to the first 200 of the order (p50/p99/max).</li>
 * <li>{@code place GATEWAY TOKEN SKU COUNT THREADS}: places COUNT orders (cart, item, checkout) with
 * THREADS in parallel, without waiting for them; reports checkouts/s.</li>
 * <li>{@code cutover GATEWAY ACTIVATE_AT_EPOCH_MS END_EPOCH_MS OLD_GENERATION THREADS SKU...}: reads
 * products until END with THREADS in parallel and checks every answer's {@code X-Catalog-Generation}
 * against the activation instant.</li>
 * </ul>
 */
public final class Probe {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "checkout-latency" -> checkoutLatency(args[1], args[2], args[3], Integer.parseInt(args[4]));
            case "place" -> place(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "cutover" -> cutover(args);
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    // --- checkout -----------------------------------------------------------------------------------

    private static String checkout(String gateway, String token, String sku) throws Exception {
        HttpResponse<String> cart = send(HttpRequest.newBuilder(URI.create(gateway + "/api/carts"))
                .POST(HttpRequest.BodyPublishers.noBody()), 201);
        String cartId = group(ID, cart.body());
        send(HttpRequest.newBuilder(URI.create(gateway + "/api/carts/" + cartId + "/items/" + sku))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":2}")), 200);
        HttpResponse<String> accepted = send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/carts/" + cartId + "/checkout"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()), 202);
        return group(ORDER_ID, accepted.body());
    }

    private static void checkoutLatency(String gateway, String token, String sku, int count) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // the cart is prepared before the clock starts: only checkout -> visible is timed
            HttpResponse<String> cart = send(HttpRequest.newBuilder(URI.create(gateway + "/api/carts"))
                    .POST(HttpRequest.BodyPublishers.noBody()), 201);
            String cartId = group(ID, cart.body());
            send(HttpRequest.newBuilder(URI.create(gateway + "/api/carts/" + cartId + "/items/" + sku))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")), 200);
            long t0 = System.nanoTime();
            HttpResponse<String> accepted = send(HttpRequest.newBuilder(
                            URI.create(gateway + "/api/carts/" + cartId + "/checkout"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.noBody()), 202);
            String orderId = group(ORDER_ID, accepted.body());
            long deadline = t0 + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                HttpResponse<String> order = HTTP.send(HttpRequest.newBuilder(
                                URI.create(gateway + "/api/orders/" + orderId))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (order.statusCode() == 200) {
                    break;
                }
                if (order.statusCode() != 404 || System.nanoTime() > deadline) {
                    throw new IllegalStateException("order " + orderId + " not visible: HTTP "
                            + order.statusCode() + " " + order.body());
                }
                Thread.sleep(2);
            }
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(millis);
        System.out.printf(Locale.ROOT, "{\"orders\":%d,\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"max_ms\":%.1f}%n",
                count, percentile(millis, 50), percentile(millis, 99), millis.get(millis.size() - 1));
    }

    private static void place(String gateway, String token, String sku, int count, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                while (next.getAndIncrement() < count) {
                    try {
                        checkout(gateway, token, sku);
                    } catch (Exception e) {
                        failures.add(String.valueOf(e.getMessage()));
                    }
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
            throw new IllegalStateException("placing " + count + " orders took more than 10 minutes");
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " checkouts failed, first: " + failures.peek());
        }
        System.out.printf(Locale.ROOT, "{\"orders\":%d,\"seconds\":%.3f,\"checkoutsPerSec\":%.1f}%n",
                count, seconds, count / seconds);
    }

    // --- generation cutover ---------------------------------------------------------------------------

    private record Sample(long sentMs, long receivedMs, int status, String generation) {
    }

    private static void cutover(String[] args) throws Exception {
        String gateway = args[1];
        long activateAt = Long.parseLong(args[2]);
        long end = Long.parseLong(args[3]);
        String oldGeneration = args[4];
        int threads = Integer.parseInt(args[5]);
        List<String> skus = List.of(args).subList(6, args.length);
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            int first = t;
            pool.execute(() -> {
                int i = first;
                while (System.currentTimeMillis() < end) {
                    String sku = skus.get(i++ % skus.size());
                    long sent = System.currentTimeMillis();
                    try {
                        HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(
                                        URI.create(gateway + "/api/catalog/products/" + sku))
                                .timeout(Duration.ofSeconds(10)).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        samples.add(new Sample(sent, System.currentTimeMillis(), r.statusCode(),
                                r.headers().firstValue("X-Catalog-Generation").orElse("")));
                    } catch (Exception e) {
                        samples.add(new Sample(sent, System.currentTimeMillis(), 0, ""));
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(end - System.currentTimeMillis() + 30_000, TimeUnit.MILLISECONDS);
        int errors = 0;
        int oldAfter = 0;
        int newBefore = 0;
        int afterInstant = 0;
        long worstAround = 0;
        long firstNewSentAfter = -1;
        String newGeneration = "";
        List<Double> latencies = new ArrayList<>();
        for (Sample s : samples) {
            long latency = s.receivedMs - s.sentMs;
            latencies.add((double) latency);
            if (s.status != 200) {
                errors++;
                continue;
            }
            boolean old = s.generation.equals(oldGeneration);
            if (s.sentMs >= activateAt) {
                // sent after the instant: must carry the new generation
                afterInstant++;
                if (old) {
                    oldAfter++;
                } else {
                    newGeneration = s.generation;
                }
            }
            if (s.receivedMs < activateAt && !old) {
                newBefore++;
            }
            if (Math.abs(s.sentMs - activateAt) <= 2000) {
                worstAround = Math.max(worstAround, latency);
            }
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT,
                "{\"requests\":%d,\"errors\":%d,\"afterInstant\":%d,\"oldGenerationAfterInstant\":%d,"
                        + "\"newGenerationBeforeInstant\":%d,\"worstLatencyAroundSwitchMs\":%d,\"p99_ms\":%.1f,"
                        + "\"oldGeneration\":\"%s\",\"newGeneration\":\"%s\"}%n",
                samples.size(), errors, afterInstant, oldAfter, newBefore, worstAround,
                percentile(latencies, 99), oldGeneration, newGeneration);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(r.request().method() + " " + r.request().uri() + ": HTTP "
                    + r.statusCode() + " " + r.body());
        }
        return r;
    }

    private static String group(Pattern p, String body) {
        Matcher m = p.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + p + " in " + body);
        }
        return m.group(1);
    }

    private static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
