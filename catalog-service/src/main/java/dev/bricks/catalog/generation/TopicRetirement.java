package dev.bricks.catalog.generation;

import dev.bricks.catalog.CatalogConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Takes retired generations off Kafka: deletes their upload topics, then the commits before the
 * active generation's from the generations topic, and the topics of uploads whose commit never
 * came. Every replica does it (each deletion is idempotent), so it happens while any one lives.
 * Called by the housekeeping thread only.
 */
@ApplicationScoped
public class TopicRetirement {

    private static final Logger LOG = Logger.getLogger(TopicRetirement.class);

    private final GenerationRegistry registry;
    private final UploadTopics topics;
    private final CatalogConfig config;
    private final Map<String, Instant> uncommittedSince = new HashMap<>();
    private long trimmedBefore;

    public TopicRetirement(GenerationRegistry registry, UploadTopics topics, CatalogConfig config) {
        this.registry = registry;
        this.topics = topics;
        this.config = config;
    }

    void sweep(Instant now) {
        try {
            release();
            dropUncommitted(now);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warnf("retired generations not taken off Kafka yet (next sweep retries): %s", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void release() throws ExecutionException, InterruptedException, TimeoutException {
        GenerationRegistry.Release release = registry.releasable().orElse(null);
        if (release == null) {
            return;
        }
        List<Generation> retired = release.generations();
        topics.delete(retired.stream().filter(g -> g.ownTopic).map(g -> g.uploadId).toList());
        retired.forEach(g -> g.released = true);
        if (release.keepFrom() > trimmedBefore) {
            topics.deleteCommitsBefore(release.keepFrom());
            trimmedBefore = release.keepFrom();
            LOG.infof("deleted the commits before offset %d of %s", trimmedBefore, config.topic());
        }
    }

    /** An upload that died between its topic's creation and its commit leaves a topic nobody will read. */
    private void dropUncommitted(Instant now) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = topics.existing();
        Set<String> committed = registry.uploadIds();
        uncommittedSince.keySet().retainAll(existing);
        existing.stream().filter(id -> !committed.contains(id)).forEach(id -> uncommittedSince.putIfAbsent(id, now));
        List<String> orphans = uncommittedSince.entrySet().stream()
                .filter(e -> !committed.contains(e.getKey()))
                .filter(e -> !e.getValue().plus(config.orphanUploadAge()).isAfter(now)).map(Map.Entry::getKey).toList();
        if (!orphans.isEmpty()) {
            LOG.warnf("uploads %s never committed: deleting their topics", orphans);
            topics.delete(orphans);
            orphans.forEach(uncommittedSince::remove);
        }
    }
}
