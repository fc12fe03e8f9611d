package dev.bricks.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The catalog brick's own settings ({@code bricks.catalog.*}). */
@ConfigMapping(prefix = "bricks.catalog")
public interface CatalogConfig {

    /** The single-partition topic carrying the generations. */
    @WithDefault("catalog.generations")
    String topic();

    /** false: no Kafka at all, the replica serves the embedded demo catalogue only. */
    @WithDefault("true")
    boolean kafkaEnabled();

    /** Most products one upload may hold. */
    @WithDefault("100000")
    int maxProducts();

    /** Upper bound of one chunk record's JSON, well below the broker's 1 MiB default. */
    @WithDefault("524288")
    int chunkBytes();

    /** How long an upload may take to reach the broker before the request fails with 503. */
    @WithDefault("30s")
    Duration publishTimeout();

    /** How long a superseded generation stays in H2 (requests that began on it finish). */
    @WithDefault("60s")
    Duration retireGrace();

    /** Chunks with no commit this long after the replica caught up belong to a failed upload. */
    @WithDefault("10m")
    Duration orphanUploadAge();

    /** How long a starting replica waits for Kafka before it serves what it has. */
    @WithDefault("15s")
    Duration startupKafkaWait();

    /** Cache-Control max-age of a product answer. */
    @WithDefault("30s")
    Duration productMaxAge();

    /** How often the housekeeping sweep retires generations (read by its {@code @Scheduled}). */
    @WithDefault("5s")
    Duration housekeepingEvery();

    /** Size of the demo catalogue (generation 0). */
    @WithDefault("1200")
    int demoProducts();
}
