package dev.bricks.drills;

import dev.bricks.contracts.build.BuildHeaders;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which build answered each call (the {@link BuildHeaders#BUILD} header), per brick, with the instant
 * the call was sent: a rolling deploy is judged by the builds that answered calls sent after it.
 * Listens to a {@link ShopClient}; the brick of a call is the owner of its path prefix.
 */
public final class BuildTally implements ShopClient.Listener {

    /** One answered call. */
    public record Call(String brick, long sentNanos, String build) {
    }

    private final List<Call> calls = new ArrayList<>();

    /** The brick a path of the public API belongs to (the gateway's routing), or empty. */
    public static Optional<String> brickOf(String path) {
        if (path.startsWith("/api/catalog")) {
            return Optional.of("catalog");
        } else if (path.startsWith("/api/carts")) {
            return Optional.of("cart");
        } else if (path.startsWith("/api/customers")) {
            return Optional.of("customer");
        } else if (path.startsWith("/api/orders") || path.startsWith("/backoffice")) {
            return Optional.of("order");
        }
        return Optional.empty();
    }

    @Override
    public void answered(String method, String path, long startNanos, Answer answer) {
        if (answer.failure() != null) {
            return;
        }
        brickOf(path).ifPresent(brick -> record(new Call(brick, startNanos,
                answer.header(BuildHeaders.BUILD).orElse("(none)"))));
    }

    synchronized void record(Call call) {
        calls.add(call);
    }

    /** How many answers of {@code brick} came from each build, for calls sent in [from, to) (System.nanoTime). */
    public synchronized Map<String, Integer> builds(String brick, long fromNanos, long toNanos) {
        Map<String, Integer> builds = new LinkedHashMap<>();
        for (Call call : calls) {
            if (call.brick().equals(brick) && call.sentNanos() - fromNanos >= 0 && call.sentNanos() - toNanos < 0) {
                builds.merge(call.build(), 1, Integer::sum);
            }
        }
        return builds;
    }
}
