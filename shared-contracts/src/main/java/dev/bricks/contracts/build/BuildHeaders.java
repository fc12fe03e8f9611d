package dev.bricks.contracts.build;

/** The HTTP header by which every brick names the build that answered. */
public final class BuildHeaders {

    /**
     * On every answer of every brick (health, errors and 404s included): {@code COMMIT[-dirty]@BUILD-TIME},
     * e.g. {@code e68a0a6@2026-11-29T16:08:47Z}. Set from the shared configuration
     * ({@code quarkus.http.header."X-Bricks-Build"}); the launcher's {@code status} and {@code deploy} read it.
     */
    public static final String BUILD = "X-Bricks-Build";

    private BuildHeaders() {
    }
}
