package dev.bricks.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.bricks.cart.support.CartTestEnvironment;
import dev.bricks.cart.support.Shopper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(CartTestEnvironment.class)
class ConcurrentCartUpdatesIT {

    private static final int THREADS = 12;

    @Test
    void concurrentUpdatesOfOneCartLoseNothing() throws Exception {
        Shopper shopper = Shopper.anonymous();
        String cart = shopper.newCart();
        Map<String, Integer> expected = new HashMap<>();
        List<List<String>> perThread = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            List<String> skus = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String sku = Shopper.product("T" + t + "-" + i, "1.00");
                skus.add(sku);
                expected.put(sku, t + i + 1);
            }
            perThread.add(skus);
        }
        List<Callable<Void>> work = new ArrayList<>();
        for (List<String> skus : perThread) {
            work.add(() -> {
                for (String sku : skus) {
                    // each line is set twice: first 99, then its final quantity
                    shopper.set(cart, sku, 99).then().statusCode(200);
                    shopper.set(cart, sku, expected.get(sku)).then().statusCode(200);
                }
                return null;
            });
        }
        runAll(work);

        JsonPath shown = shopper.show(cart).then().statusCode(200).extract().jsonPath();
        Map<String, Integer> actual = new HashMap<>();
        List<Map<String, Object>> lines = shown.getList("lines");
        lines.forEach(line -> actual.put((String) line.get("sku"), (Integer) line.get("quantity")));
        assertEquals(expected, actual);
        assertEquals(expected.values().stream().mapToInt(Integer::intValue).sum(), shown.getInt("itemCount"));
    }

    @Test
    void concurrentAddsNeverPushACartPast100Lines() throws Exception {
        Shopper shopper = Shopper.anonymous();
        String cart = shopper.newCart();
        List<Callable<Integer>> work = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            String sku = Shopper.product("P" + i, "1.00");
            work.add(() -> shopper.set(cart, sku, 1).statusCode());
        }
        List<Integer> codes = runAll(work);

        assertEquals(100, codes.stream().filter(c -> c == 200).count());
        assertEquals(10, codes.stream().filter(c -> c == 409).count());
        assertEquals(100, shopper.show(cart).then().extract().jsonPath().getList("lines").size());
    }

    private static <T> List<T> runAll(List<Callable<T>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(work)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
