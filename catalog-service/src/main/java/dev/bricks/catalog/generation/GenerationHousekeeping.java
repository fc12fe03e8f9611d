package dev.bricks.catalog.generation;

import dev.bricks.catalog.CatalogConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Drops superseded generations after their grace period and the staging tables of failed uploads,
 * and takes retired generations off Kafka.
 */
@ApplicationScoped
public class GenerationHousekeeping {

    private final GenerationRegistry registry;
    private final GenerationStager stager;
    private final GenerationFeed feed;
    private final TopicRetirement topics;
    private final CatalogConfig config;

    public GenerationHousekeeping(GenerationRegistry registry, GenerationStager stager, GenerationFeed feed,
            TopicRetirement topics, CatalogConfig config) {
        this.registry = registry;
        this.stager = stager;
        this.feed = feed;
        this.topics = topics;
        this.config = config;
    }

    @Scheduled(every = "${bricks.catalog.housekeeping-every:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        registry.retire();
        // only once caught up: while replaying, an old upload's commit may simply not have been read yet
        if (feed.startupSettled()) {
            stager.dropOrphans(Instant.now().minus(config.orphanUploadAge()));
            if (config.kafkaEnabled()) {
                topics.sweep(Instant.now());
            }
        }
    }
}
