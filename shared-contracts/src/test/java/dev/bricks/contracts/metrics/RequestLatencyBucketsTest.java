package dev.bricks.contracts.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.junit.jupiter.api.Test;

class RequestLatencyBucketsTest {

    private final MeterFilter filter = new RequestLatencyBuckets().httpServerRequestBuckets();

    private static Meter.Id timer(String name) {
        return new Meter.Id(name, Tags.empty(), null, null, Meter.Type.TIMER);
    }

    @Test
    void httpServerRequestsGetTwelveFixedBucketsFromFiveMillisecondsToThirtySeconds() {
        DistributionStatisticConfig config = filter.configure(timer("http.server.requests"),
                DistributionStatisticConfig.DEFAULT);
        assertEquals(12, config.getServiceLevelObjectiveBoundaries().length);
        assertEquals(5e6, config.getServiceLevelObjectiveBoundaries()[0]);
        assertEquals(30e9, config.getServiceLevelObjectiveBoundaries()[11]);
        assertNotEquals(Boolean.TRUE, config.isPercentileHistogram(), "not Micrometer's 70-odd default buckets");
    }

    @Test
    void otherMetersAreLeftAlone() {
        DistributionStatisticConfig config = filter.configure(timer("catalog.generation.staging"),
                DistributionStatisticConfig.DEFAULT);
        assertArrayEquals(DistributionStatisticConfig.DEFAULT.getServiceLevelObjectiveBoundaries(),
                config.getServiceLevelObjectiveBoundaries());
    }
}
