import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the project's Kafka topics when they are missing and checks that they are listed, in one
 * JVM (the launcher's readiness check for the broker). Run by infra/lib/kafka.sh as a single-file
 * source program: java -cp "var/kafka/libs/*" infra/kafka/Topics.java BOOTSTRAP SECONDS NAME:PARTITIONS:RETENTION_MS...
 * Exit 0: every topic exists. Exit 1: it could not be done within SECONDS (the reason on stderr).
 */
public class Topics {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[1]));
        List<NewTopic> wanted = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] spec = args[i].split(":");
            wanted.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 3)
                    .configs(Map.of("retention.ms", spec[2], "min.insync.replicas", "2")));
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        Exception last = null;
        try (Admin admin = Admin.create(props)) {
            while (Instant.now().isBefore(deadline)) {
                try {
                    Set<String> existing = admin.listTopics().names().get(5, TimeUnit.SECONDS);
                    List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
                    if (missing.isEmpty()) {
                        return;
                    }
                    for (var entry : admin.createTopics(missing).values().entrySet()) {
                        try {
                            entry.getValue().get(10, TimeUnit.SECONDS);
                        } catch (ExecutionException e) {
                            if (!(e.getCause() instanceof TopicExistsException)) {
                                throw e;
                            }
                        }
                    }
                } catch (Exception e) {
                    last = e;
                    Thread.sleep(300);
                }
            }
        }
        System.err.println("kafka topics not ready: " + (last == null ? "timeout" : last.getCause() != null ? last.getCause() : last));
        System.exit(1);
    }
}
