package dev.bricks.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a brick's configuration says about the brick as Kubernetes sees it: the environment
 * variables it reads, the port it listens on and the health and metrics paths it serves.
 */
final class ApplicationConfig {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^:}$]+)");

    private final String name;
    private final Map<String, String> properties;
    private final boolean servesHealth;

    ApplicationConfig(String name, Map<String, String> properties, boolean servesHealth) {
        this.name = name;
        this.properties = Map.copyOf(properties);
        this.servesHealth = servesHealth;
    }

    /**
     * Reads the brick's real configuration from the repository: the defaults every brick shares
     * (shared-contracts' {@code META-INF/microprofile-config.properties}), overridden by the
     * brick's own application.properties, as Quarkus reads them.
     */
    static ApplicationConfig of(String brick) {
        Path module = Project.brick(brick);
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            Path own = module.resolve("src/main/resources/application.properties");
            for (Path file : List.of(Project.sharedDefaults(), own)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.putAll(load(reader));
                }
            }
            String pom = Files.readString(module.resolve("pom.xml"), StandardCharsets.UTF_8);
            return new ApplicationConfig(brick, properties,
                    pom.contains("<artifactId>quarkus-smallrye-health</artifactId>"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the configuration of " + brick, e);
        }
    }

    static ApplicationConfig parse(String name, String applicationProperties) {
        try {
            return new ApplicationConfig(name, load(new StringReader(applicationProperties)), true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> load(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> map.put(key, properties.getProperty(key)));
        return map;
    }

    String name() {
        return name;
    }

    /**
     * The environment variable that sets a property, as SmallRye Config maps it: every character
     * that is not a letter or digit becomes '_', the rest upper case ({@code quarkus.http.port} is
     * {@code QUARKUS_HTTP_PORT}, {@code %prod.a.b} is {@code _PROD_A_B}).
     */
    static String envName(String propertyName) {
        StringBuilder env = new StringBuilder(propertyName.length());
        for (char c : propertyName.toCharArray()) {
            env.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return env.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Every environment variable the application reads: those its values reference as
     * {@code ${NAME:default}} and the environment form of every property it sets.
     */
    Set<String> environmentVariablesRead() {
        Set<String> names = new TreeSet<>();
        properties.forEach((key, value) -> {
            names.add(envName(key));
            Matcher matcher = REFERENCE.matcher(value);
            while (matcher.find()) {
                String referenced = matcher.group(1).trim();
                names.add(referenced);
                names.add(envName(referenced));
            }
        });
        return names;
    }

    /**
     * Variables whose default only makes sense on a developer's machine (a loopback address or a
     * file under var/): a pod that does not set them would talk to itself.
     */
    Set<String> environmentVariablesWithLocalDefaults() {
        Set<String> names = new TreeSet<>();
        Pattern withDefault = Pattern.compile("\\$\\{([^:}$]+):([^}]*)}");
        properties.values().forEach(value -> {
            Matcher matcher = withDefault.matcher(value);
            while (matcher.find()) {
                String fallback = matcher.group(2);
                if (fallback.contains("127.0.0.1") || fallback.contains("localhost") || fallback.startsWith("var/")) {
                    names.add(matcher.group(1).trim());
                }
            }
        });
        return names;
    }

    /** A property's value in a container with the given environment, expressions expanded. */
    String resolve(String key, Map<String, String> environment, String fallback) {
        String fromEnv = environment.get(envName(key));
        if (fromEnv != null) {
            return fromEnv;
        }
        String value = properties.get(key);
        return value == null ? fallback : expand(value, environment);
    }

    private String expand(String value, Map<String, String> environment) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, start);
            int depth = 0;
            int end = start;
            for (int j = start; j < value.length(); j++) {
                if (value.startsWith("${", j)) {
                    depth++;
                    j++;
                } else if (value.charAt(j) == '}' && --depth == 0) {
                    end = j;
                    break;
                }
            }
            String expression = value.substring(start + 2, end);
            int colon = expression.indexOf(':');
            String name = colon < 0 ? expression : expression.substring(0, colon);
            String found = environment.getOrDefault(name, environment.get(envName(name)));
            if (found == null && properties.containsKey(name)) {
                found = resolve(name, environment, null);
            }
            if (found == null && colon >= 0) {
                found = expand(expression.substring(colon + 1), environment);
            }
            out.append(found == null ? "" : found);
            i = end + 1;
        }
        return out.toString();
    }

    /** A property as written in application.properties, unexpanded. */
    java.util.Optional<String> property(String key) {
        return java.util.Optional.ofNullable(properties.get(key));
    }

    /** The HTTP port the application listens on in a container with this environment. */
    int httpPort(Map<String, String> environment) {
        return Integer.parseInt(resolve("quarkus.http.port", environment, "8080").trim());
    }

    private String nonApplicationRoot() {
        String httpRoot = properties.getOrDefault("quarkus.http.root-path", "/");
        String nonApplication = properties.getOrDefault("quarkus.http.non-application-root-path", "q");
        return nonApplication.startsWith("/") ? nonApplication : join(httpRoot, nonApplication);
    }

    private String healthPath(String property, String defaultPath) {
        String root = properties.getOrDefault("quarkus.smallrye-health.root-path", "health");
        String healthRoot = root.startsWith("/") ? root : join(nonApplicationRoot(), root);
        String path = properties.getOrDefault(property, defaultPath);
        return path.startsWith("/") ? path : join(healthRoot, path);
    }

    /** The liveness path, or null when the application has no health extension. */
    String livenessPath() {
        return servesHealth ? healthPath("quarkus.smallrye-health.liveness-path", "live") : null;
    }

    String readinessPath() {
        return servesHealth ? healthPath("quarkus.smallrye-health.readiness-path", "ready") : null;
    }

    String startupPath() {
        return servesHealth ? healthPath("quarkus.smallrye-health.startup-path", "started") : null;
    }

    String metricsPath() {
        String path = properties.getOrDefault("quarkus.micrometer.export.prometheus.path", "metrics");
        return path.startsWith("/") ? path : join(nonApplicationRoot(), path);
    }

    private static String join(String parent, String child) {
        String left = parent.endsWith("/") ? parent.substring(0, parent.length() - 1) : parent;
        return left + "/" + child;
    }
}
