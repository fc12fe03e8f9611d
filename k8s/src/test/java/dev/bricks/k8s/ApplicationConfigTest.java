package dev.bricks.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationConfigTest {

    private static final ApplicationConfig CONFIG = ApplicationConfig.parse("demo", """
            quarkus.http.port=${BRICKS_HTTP_PORT:8201}
            quarkus.redis.hosts=${BRICKS_REDIS_URL:redis://127.0.0.1:16379}
            quarkus.rest-client.catalog.url=${BRICKS_CATALOG_URL:${BRICKS_GATEWAY_URL:http://localhost:8080}}
            mp.jwt.verify.publickey.location=${BRICKS_JWT_PUBLIC_KEY:var/jwt/publicKey.pem}
            bricks.cart.idle-ttl=${BRICKS_CART_IDLE_TTL:P30D}
            %prod.quarkus.log.level=INFO
            quarkus.datasource."users".jdbc.url=jdbc:h2:mem:x
            """);

    @Test
    void readsTheVariablesItsValuesReferenceIncludingNestedDefaults() {
        Set<String> read = CONFIG.environmentVariablesRead();
        assertTrue(read.containsAll(Set.of("BRICKS_HTTP_PORT", "BRICKS_REDIS_URL", "BRICKS_CATALOG_URL",
                "BRICKS_GATEWAY_URL", "BRICKS_JWT_PUBLIC_KEY", "BRICKS_CART_IDLE_TTL")), read::toString);
    }

    @Test
    void readsTheEnvironmentFormOfEveryPropertyItSets() {
        Set<String> read = CONFIG.environmentVariablesRead();
        assertTrue(read.containsAll(Set.of("QUARKUS_HTTP_PORT", "QUARKUS_REDIS_HOSTS",
                "QUARKUS_REST_CLIENT_CATALOG_URL", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "_PROD_QUARKUS_LOG_LEVEL",
                "QUARKUS_DATASOURCE__USERS__JDBC_URL")), read::toString);
        assertFalse(read.contains("BRICKS_KAFKA_BOOTSTRAP"));
    }

    @Test
    void variablesDefaultingToTheDevelopersMachineMustBeSetInAPod() {
        // For nested defaults the outer variable is the one to set.
        assertEquals(Set.of("BRICKS_REDIS_URL", "BRICKS_CATALOG_URL", "BRICKS_JWT_PUBLIC_KEY"),
                CONFIG.environmentVariablesWithLocalDefaults());
    }

    @Test
    void theHttpPortFollowsTheEnvironment() {
        assertEquals(8201, CONFIG.httpPort(Map.of()));
        assertEquals(8080, CONFIG.httpPort(Map.of("BRICKS_HTTP_PORT", "8080")));
        assertEquals(9000, CONFIG.httpPort(Map.of("BRICKS_HTTP_PORT", "8080", "QUARKUS_HTTP_PORT", "9000")));
    }

    @Test
    void healthPathsFollowTheConfiguredRoots() {
        assertEquals("/q/health/ready", CONFIG.readinessPath());
        ApplicationConfig moved = ApplicationConfig.parse("moved", """
                quarkus.http.root-path=/shop
                quarkus.smallrye-health.liveness-path=alive
                quarkus.smallrye-health.startup-path=/boot
                """);
        assertEquals("/shop/q/health/alive", moved.livenessPath());
        assertEquals("/shop/q/health/ready", moved.readinessPath());
        assertEquals("/boot", moved.startupPath());
        assertEquals("/shop/q/metrics", moved.metricsPath());
    }
}
