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
                .map(Metrics::sampleValue)
                .orElse(0.0);
    }

    /**
     * The value of one sample line; an OpenMetrics page (what {@code /q/metrics} answers a client that
     * accepts anything) may end a counter's line with an exemplar ({@code # {trace_id=...} 1.0 TIMESTAMP}).
     */
    public static double sampleValue(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }
}
