package dev.bricks.order.support;

/** Reads one sample out of a Prometheus text page ({@code /q/metrics}). */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The value of {@code name} whose labels contain {@code label} (e.g. {@code outcome="stored"}, or
     * {@code null} for a metric without labels); 0 when the page has no such sample yet.
     */
    public static double value(String page, String name, String label) {
        return page.lines()
                .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                .filter(l -> label == null || l.contains(label))
                .findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElse(0.0);
    }
}
