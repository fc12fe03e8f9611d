package dev.bricks.catalog.generation;

import dev.bricks.catalog.CatalogConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The Kafka topics of the catalogue: the generations topic, which holds only the commits (its
 * offsets number the generations), and one topic per upload holding that upload's chunks,
 * {@code <generations topic>.upload-<uploadId>}. A retired generation leaves Kafka by the deletion
 * of its upload topic, and the commits before the active generation's are deleted from the
 * generations topic; Kafka never reuses an offset, so generation numbers stay unique and increasing.
 */
@ApplicationScoped
public class UploadTopics {

    private static final Logger LOG = Logger.getLogger(UploadTopics.class);
    private static final String INFIX = ".upload-";

    private final CatalogConfig config;
    private final String bootstrap;
    private Admin admin;

    public UploadTopics(CatalogConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.config = config;
        this.bootstrap = bootstrap;
    }

    /** The topic of an upload's chunks. */
    public String name(String uploadId) {
        return config.topic() + INFIX + uploadId;
    }

    /** Creates the upload's topic: one partition, the broker's replication, kept until retirement. */
    public void create(String uploadId, long timeoutNanos)
            throws ExecutionException, InterruptedException, TimeoutException {
        NewTopic topic = new NewTopic(name(uploadId), Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        admin().createTopics(List.of(topic)).all().get(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /** The uploads that have a topic on the broker. */
    Set<String> existing() throws ExecutionException, InterruptedException, TimeoutException {
        String prefix = config.topic() + INFIX;
        return admin().listTopics().names().get(10, TimeUnit.SECONDS).stream().filter(t -> t.startsWith(prefix))
                .map(t -> t.substring(prefix.length())).collect(Collectors.toSet());
    }

    /** Deletes the topics of these uploads; a topic already gone counts as deleted. */
    public void delete(Collection<String> uploadIds) throws ExecutionException, InterruptedException, TimeoutException {
        if (uploadIds.isEmpty()) {
            return;
        }
        try {
            admin().deleteTopics(uploadIds.stream().map(this::name).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                throw e;
            }
        }
        LOG.infof("deleted the upload topics of %s", uploadIds);
    }

    /** Deletes the records of the generations topic before {@code offset} (the commits of retired generations). */
    void deleteCommitsBefore(long offset) throws ExecutionException, InterruptedException, TimeoutException {
        admin().deleteRecords(Map.of(new TopicPartition(config.topic(), 0), RecordsToDelete.beforeOffset(offset)))
                .all().get(30, TimeUnit.SECONDS);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Properties properties = new Properties();
            properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
            properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
            admin = Admin.create(properties);
        }
        return admin;
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
