package dev.bricks.catalog.generation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when this replica serves a generation, has caught up with the topic since it started, and
 * has no generation whose instant has passed still unstaged. Kafka being down does not by itself
 * make the replica unready: it keeps serving what it has.
 */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    private final GenerationRegistry registry;
    private final GenerationFeed feed;

    public CatalogReadiness(GenerationRegistry registry, GenerationFeed feed) {
        this.registry = registry;
        this.feed = feed;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<GenerationRegistry.Active> active = registry.active();
        Optional<Long> overdue = registry.overdue();
        boolean settled = feed.startupSettled();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("catalog-generations")
                .status(active.isPresent() && overdue.isEmpty() && settled)
                .withData("activeGeneration", active.map(GenerationRegistry.Active::number).orElse(-1L))
                .withData("caughtUpSinceStart", settled);
        overdue.ifPresent(number -> response.withData("overdueGeneration", number));
        feed.state().forEach((key, value) -> response.withData(key, String.valueOf(value)));
        return response.build();
    }
}
