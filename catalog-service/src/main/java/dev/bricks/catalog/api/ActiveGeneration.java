package dev.bricks.catalog.api;

import dev.bricks.catalog.generation.GenerationRegistry;
import dev.bricks.contracts.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.OptionalLong;

/** The generation a read is answered from, or a 503 while a due generation is still being staged. */
@ApplicationScoped
public class ActiveGeneration {

    private final GenerationRegistry registry;

    public ActiveGeneration(GenerationRegistry registry) {
        this.registry = registry;
    }

    public long require() {
        Optional<Long> overdue = registry.overdue();
        if (overdue.isPresent()) {
            // serving now would serve the previous catalogue after the cutover instant
            throw ProblemException.unavailable("catalogue generation " + overdue.get()
                    + " is due and still being staged", 1);
        }
        return registry.active().map(GenerationRegistry.Active::number)
                .orElseThrow(() -> ProblemException.unavailable("no catalogue generation is active yet", 1));
    }

    /** The generation to answer from now; empty while {@link #require()} would throw (the REST path answers 503). */
    public OptionalLong servable() {
        if (registry.overdue().isPresent()) {
            return OptionalLong.empty();
        }
        Optional<GenerationRegistry.Active> active = registry.active();
        return active.isPresent() ? OptionalLong.of(active.get().number()) : OptionalLong.empty();
    }

    public Optional<Long> current() {
        return registry.active().map(GenerationRegistry.Active::number);
    }
}
