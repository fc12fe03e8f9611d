package dev.bricks.order.drain;

import java.time.Duration;

/** Doubling delays between retries, capped. */
public record Backoff(Duration initial, Duration max) {

    public Duration after(int failures) {
        long millis = initial.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
