package dev.bricks.contracts.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The buckets of every brick's {@code http_server_requests_seconds} histogram, from which Prometheus
 * computes each brick's p99 (infra/prometheus/rules). A dozen fixed bounds: one more counter per
 * request beside the count, sum and max recorded already, instead of Micrometer's 70-odd defaults.
 */
@Singleton
public class RequestLatencyBuckets {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final double[] BOUNDS_NANOS = Stream.of("PT0.005S", "PT0.01S", "PT0.025S", "PT0.05S", "PT0.1S",
            "PT0.25S", "PT0.5S", "PT1S", "PT2.5S", "PT5S", "PT10S", "PT30S")
            .mapToDouble(bound -> Duration.parse(bound).toNanos())
            .toArray();

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BOUNDS_NANOS).build()
                        .merge(config);
            }
        };
    }
}
