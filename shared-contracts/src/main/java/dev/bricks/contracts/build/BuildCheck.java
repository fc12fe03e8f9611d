package dev.bricks.contracts.build;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The build this replica runs, in the details of {@code /q/health} (and {@code /q/health/live}): the
 * same stamp as the {@link BuildHeaders#BUILD} header, and its parts. Always up: it informs, it does
 * not judge.
 */
@Liveness
@ApplicationScoped
public class BuildCheck implements HealthCheck {

    private final String described;
    private final String commit;
    private final boolean dirty;
    private final String builtAt;
    private final String commitTime;

    BuildCheck(@ConfigProperty(name = "git.commit.id.describe", defaultValue = "unknown") String described,
            @ConfigProperty(name = "git.commit.id.abbrev", defaultValue = "unknown") String commit,
            @ConfigProperty(name = "git.dirty", defaultValue = "false") boolean dirty,
            @ConfigProperty(name = "git.build.time", defaultValue = "unknown") String builtAt,
            @ConfigProperty(name = "git.commit.time", defaultValue = "unknown") String commitTime) {
        this.described = described;
        this.commit = commit;
        this.dirty = dirty;
        this.builtAt = builtAt;
        this.commitTime = commitTime;
    }

    /** {@code COMMIT[-dirty]@BUILD-TIME}, exactly as in the header (the same two configuration keys). */
    public String stamp() {
        return described + "@" + builtAt;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("build").up()
                .withData("build", stamp())
                .withData("commit", commit)
                .withData("dirty", dirty)
                .withData("commitTime", commitTime)
                .withData("builtAt", builtAt)
                .build();
    }
}
