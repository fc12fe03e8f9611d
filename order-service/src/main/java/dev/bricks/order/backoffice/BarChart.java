package dev.bricks.order.backoffice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart drawn on the server as inline SVG (no script, no fonts or files from elsewhere): one
 * bar per day, its value in a tooltip ({@code <title>}) and in the accessible name of the whole.
 * The SVG scales to its box ({@code viewBox}); labels are thinned out so that they never overlap.
 */
public final class BarChart {

    static final int WIDTH = 720;
    static final int HEIGHT = 220;
    static final int LEFT = 56;
    static final int RIGHT = 8;
    static final int TOP = 12;
    static final int BOTTOM = 28;
    static final int MAX_LABELS = 12;
    static final double MAX_BAR = 40;

    /** One bar: its label under the axis, its value, and how the value reads (e.g. "1,234.50 EUR"). */
    public record Bar(String label, BigDecimal value, String text) {
    }

    private BarChart() {
    }

    public static String svg(String id, String title, List<Bar> bars) {
        BigDecimal max = bars.stream().map(Bar::value).reduce(BigDecimal.ZERO, BigDecimal::max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = bars.isEmpty() ? plotWidth : plotWidth / bars.size();
        double barWidth = Math.max(1, Math.min(MAX_BAR, slot * 0.7));
        int every = Math.max(1, (int) Math.ceil(bars.size() / (double) MAX_LABELS));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg id=\"").append(escape(id)).append("\" class=\"chart\" viewBox=\"0 0 ").append(WIDTH)
                .append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(escape(title))
                .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.append("<title>").append(escape(title)).append("</title>");
        int axisY = TOP + (int) plotHeight;
        svg.append(line(LEFT, axisY, WIDTH - RIGHT, axisY, "axis"));
        svg.append(line(LEFT, TOP, WIDTH - RIGHT, TOP, "grid"));
        svg.append(text(LEFT - 6, TOP + 4, "end", max.toPlainString(), "tick"));
        svg.append(text(LEFT - 6, axisY, "end", "0", "tick"));
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double height = max.signum() == 0 ? 0
                    : bar.value().divide(max, 6, RoundingMode.HALF_UP).doubleValue() * plotHeight;
            double x = LEFT + i * slot + (slot - barWidth) / 2;
            svg.append("<rect class=\"bar\" x=\"").append(num(x)).append("\" y=\"").append(num(axisY - height))
                    .append("\" width=\"").append(num(barWidth)).append("\" height=\"").append(num(height))
                    .append("\" data-label=\"").append(escape(bar.label())).append("\" data-value=\"")
                    .append(bar.value().toPlainString()).append("\"><title>").append(escape(bar.label()))
                    .append(": ").append(escape(bar.text())).append("</title></rect>");
            if (i % every == 0) {
                svg.append(text(x + barWidth / 2, HEIGHT - 10, "middle", bar.label(), "label"));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String cls) {
        return "<line class=\"" + cls + "\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2)
                + "\" y2=\"" + num(y2) + "\"/>";
    }

    private static String text(double x, double y, String anchor, String value, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + anchor
                + "\">" + escape(value) + "</text>";
    }

    private static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
