package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: the alert rules watch the shop's promises live, not only in {@code promtool}. With the
 * whole shop and its Prometheus running, every order replica is killed while shoppers go on checking
 * out: {@code BrickDown} (no order replica answers) and {@code OrdersNotDrained} (checkouts accepted,
 * none stored) must fire; once the order brick is started again, both must clear. The times are
 * printed. Shoppers check out throughout, while the alerts fire and while they clear.
 */
class AlertsOnBrokenPromisesIT {

    private static final Duration FIRE_WITHIN = Duration.ofMinutes(5);
    private static final Duration CLEAR_WITHIN = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    static Launcher launcher;
    static ShopClient shop;
    static URI prometheus;

    @BeforeAll
    static void theWholeShopRunsWithItsPrometheus() {
        launcher = Launcher.find();
        System.out.println(launcher.run(Duration.ofMinutes(15), "up", "--no-build"));
        shop = new ShopClient(ShopClient.gateway());
        prometheus = URI.create("http://127.0.0.1:"
                + System.getenv().getOrDefault("BRICKS_PROMETHEUS_PORT", "9090"));
    }

    @Test
    void killingEveryOrderReplicaFiresItsAlertsAndRestartingClearsThem() throws Exception {
        Set<String> expected = Set.of("BrickDown", "OrdersNotDrained");
        String token = signedInShopper();
        try {
            long killed = System.nanoTime();
            // a killed replica leaves the status table; "order" is the live one with the lowest number
            for (int i = 0; i < 10 && launcherSays("status").lines().anyMatch(l -> l.startsWith("order-")); i++) {
                launcher.run(Duration.ofSeconds(60), "infra", "kill", "order");
            }
            System.out.println("every order replica killed");
            Set<String> firing = new TreeSet<>();
            long deadline = System.nanoTime() + FIRE_WITHIN.toNanos();
            int checkouts = 0;
            while (!firing.containsAll(expected) && System.nanoTime() < deadline) {
                checkOut(token);
                checkouts++;
                firing = firing(expected);
                Thread.sleep(2_000);
            }
            System.out.printf("%s firing %d s after the order replicas died (%d checkouts accepted meanwhile)%n",
                    firing, seconds(killed), checkouts);
            assertEquals(expected, firing, "the alerts of a dead order brick");
        } finally {
            launcher.run(Duration.ofMinutes(5), "infra", "start", "order");
        }
        long restarted = System.nanoTime();
        long deadline = System.nanoTime() + CLEAR_WITHIN.toNanos();
        Set<String> firing = firing(expected);
        int checkouts = 0;
        // shoppers go on: OrdersNotDrained clears once orders are drained again, not only once checkouts stop
        while (!firing.isEmpty() && System.nanoTime() < deadline) {
            checkOut(token);
            checkouts++;
            Thread.sleep(2_000);
            firing = firing(expected);
        }
        System.out.printf("alerts still firing %d s after the order brick was started again (%d checkouts meanwhile):"
                + " %s%n", seconds(restarted), checkouts, firing);
        assertTrue(firing.isEmpty(), "cleared once the order brick drains again: " + firing);
    }

    private String launcherSays(String... args) {
        return launcher.run(Duration.ofSeconds(60), args);
    }

    /** Which of {@code names} Prometheus reports firing (not only pending). */
    private static Set<String> firing(Set<String> names) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(prometheus.resolve("/api/v1/alerts"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        Set<String> firing = new TreeSet<>();
        for (JsonNode alert : JSON.readTree(answer.body()).path("data").path("alerts")) {
            String name = alert.path("labels").path("alertname").asText();
            if (names.contains(name) && "firing".equals(alert.path("state").asText())) {
                firing.add(name);
            }
        }
        return firing;
    }

    private static String signedInShopper() throws Exception {
        String email = "alerts-" + UUID.randomUUID() + "@drills.test";
        String password = "alerts-" + UUID.randomUUID();
        Answer registered = shop.post("/api/customers", null,
                Map.of("email", email, "password", password, "name", "Alert Drill"));
        assertEquals(201, registered.status(), registered.describe());
        Answer token = shop.post("/api/customers/token", null, Map.of("email", email, "password", password));
        assertEquals(200, token.status(), token.describe());
        return token.json().get("accessToken").asText();
    }

    /** One checkout of a one-line cart; the cart brick accepts it (202) whether or not orders are drained. */
    private static void checkOut(String token) throws Exception {
        Answer cart = shop.post("/api/carts", token, null);
        assertEquals(201, cart.status(), cart.describe());
        String id = cart.json().get("id").asText();
        Answer line = shop.put("/api/carts/" + id + "/items/KIT-0001", token, Map.of("quantity", 1));
        assertEquals(200, line.status(), line.describe());
        Answer checkout = shop.post("/api/carts/" + id + "/checkout", token, null);
        assertEquals(202, checkout.status(), checkout.describe());
    }

    private static long seconds(long since) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
    }
}
