package dev.bricks.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.catalog.support.Replica;
import dev.bricks.catalog.support.TestCatalogues;
import dev.bricks.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A replica whose Kafka cannot be reached at all: it serves the embedded default and stays ready. */
class UnreachableKafkaIT {

    @Test
    void replicaWithoutReachableKafkaServesTheEmbeddedCatalogueStaysReadyAndRefusesUploadsCleanly() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Replica replica = Replica.start("nokafka-" + run, "catalog.generations.it-nokafka-" + run,
                "kafka.bootstrap.servers=127.0.0.1:" + closedPort(), "bricks.catalog.startup-kafka-wait=3s",
                "bricks.catalog.publish-timeout=5s").awaitReady(Duration.ofSeconds(90))) {
            HttpResponse<String> active = replica.get("/api/catalog/generations/active");
            assertEquals(200, active.statusCode());
            assertEquals(0, JsonPath.from(active.body()).getLong("number"));
            HttpResponse<String> products = replica.get("/api/catalog/products?size=5");
            assertEquals(200, products.statusCode());
            assertTrue(JsonPath.from(products.body()).getLong("total") >= 1000);

            HttpResponse<String> upload = replica.post("/api/catalog/generations", "application/x-ndjson",
                    TestTokens.staff("s-" + run, "s-" + run + "@bricks.test"),
                    TestCatalogues.ndjson("NOK-" + run, 3));
            assertEquals(503, upload.statusCode(), upload.body());
            assertTrue(upload.headers().firstValue("Retry-After").isPresent());
            assertTrue(upload.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

            assertEquals(200, replica.get("/q/health/ready").statusCode(),
                    "Kafka away with nothing pending: still ready");
            assertEquals(0, JsonPath.from(replica.get("/api/catalog/generations/active").body()).getLong("number"));
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
