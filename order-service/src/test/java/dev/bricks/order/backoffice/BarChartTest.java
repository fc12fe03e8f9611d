package dev.bricks.order.backoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BarChartTest {

    private static final Pattern HEIGHT = Pattern.compile("<rect class=\"bar\"[^>]* height=\"([0-9.]+)\"");

    @Test
    void barsAreAsHighAsTheirValueAgainstTheHighestAndSayTheirValue() {
        String svg = BarChart.svg("c", "Orders per day", List.of(
                new BarChart.Bar("1 Nov", BigDecimal.valueOf(4), "4 orders"),
                new BarChart.Bar("2 Nov", BigDecimal.valueOf(2), "2 orders"),
                new BarChart.Bar("3 Nov", BigDecimal.ZERO, "0 orders")));
        Matcher m = HEIGHT.matcher(svg);
        double[] heights = new double[3];
        for (int i = 0; i < 3; i++) {
            assertTrue(m.find());
            heights[i] = Double.parseDouble(m.group(1));
        }
        assertEquals(heights[0] / 2, heights[1], 0.1);
        assertEquals(0, heights[2], 0.01);
        assertTrue(svg.startsWith("<svg id=\"c\""));
        assertTrue(svg.contains("role=\"img\" aria-label=\"Orders per day\""));
        assertTrue(svg.contains("<title>2 Nov: 2 orders</title>"));
    }

    @Test
    void noOrdersAtAllDrawsFlatBarsAndTextIsEscaped() {
        String svg = BarChart.svg("c", "A <b> & \"c\"", List.of(new BarChart.Bar("<x>", BigDecimal.ZERO, "0")));
        assertFalse(svg.contains("NaN"));
        assertFalse(svg.contains("<b>"));
        assertTrue(svg.contains("A &lt;b&gt; &amp; &quot;c&quot;"));
        assertTrue(svg.contains("&lt;x&gt;"));
    }

    @Test
    void labelsOfAYearAreThinnedOut() {
        List<BarChart.Bar> bars = java.util.stream.IntStream.range(0, 366)
                .mapToObj(i -> new BarChart.Bar("d" + i, BigDecimal.ONE, "1")).toList();
        long labels = Pattern.compile("class=\"label\"").matcher(BarChart.svg("c", "t", bars)).results().count();
        assertTrue(labels <= BarChart.MAX_LABELS + 1, labels + " labels");
    }
}
