package dev.bricks.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.customer.support.Api;
import dev.bricks.testing.Launcher;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Kills the PostgreSQL primary (once: the cluster is shared) while registrations and profile reads
 * keep coming, then proves that every acknowledged registration is on the new primary, that the same
 * service instance writes again, and that the reads, retried on the server, answered the profile
 * throughout (or a 503 with Retry-After, never anything else). The measured outage is printed.
 */
@QuarkusTest
class FailoverIT {

    /** One registration call: when it started and ended (ns since the test began) and how it went. */
    record Attempt(String email, int status, String retryAfter, long startedAt, long endedAt) {
    }

    @Test
    void registrationsAcknowledgedAroundAPrimaryKillSurviveItWritesResumeAndProfileReadsAreRetriedThroughIt()
            throws Exception {
        String prefix = "failover-" + UUID.randomUUID() + "-";
        String readerEmail = Api.uniqueEmail("failover-reader");
        Api.register(readerEmail, Api.PASSWORD, "Failover Reader").then().statusCode(201);
        String readerToken = Api.signIn(readerEmail, Api.PASSWORD).then().statusCode(200).extract()
                .path("accessToken");
        long t0 = System.nanoTime();
        List<Attempt> attempts = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> loop = writer.submit(() -> {
            for (int i = 0; !stop.get(); i++) {
                String email = prefix + i + "@it.bricks.test";
                long started = System.nanoTime() - t0;
                Response answer = Api.register(email, Api.PASSWORD, "Failover " + i);
                attempts.add(new Attempt(email, answer.statusCode(), answer.header("Retry-After"), started,
                        System.nanoTime() - t0));
                sleep(100);
            }
        });

        // Profile reads, one after another: the read that meets the dead primary is retried on the server.
        List<Attempt> reads = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        Future<?> readLoop = reader.submit(() -> {
            while (!stop.get()) {
                long started = System.nanoTime() - t0;
                Response answer = io.restassured.RestAssured.given().auth().oauth2(readerToken)
                        .get("/api/customers/me");
                String email = answer.statusCode() == 200 ? answer.path("email") : null;
                reads.add(new Attempt(email, answer.statusCode(), answer.header("Retry-After"), started,
                        System.nanoTime() - t0));
                sleep(100);
            }
        });

        List<Integer> readiness = new CopyOnWriteArrayList<>();
        ExecutorService prober = Executors.newSingleThreadExecutor();
        Future<?> probe = prober.submit(() -> {
            while (!stop.get()) {
                readiness.add(io.restassured.RestAssured.get("/q/health/ready").statusCode());
                sleep(500);
            }
        });

        long killedAt;
        long killReturnedAt;
        String killed;
        try {
            await(() -> count(attempts, 201, 0) >= 5, 60, "registrations before the kill");
            killedAt = System.nanoTime() - t0;
            killed = Launcher.run("infra", "kill", "pg-primary");
            killReturnedAt = System.nanoTime() - t0;
            long kill = killReturnedAt;
            // Writes are back when 10 registrations in a row succeeded after the kill.
            await(() -> successesInARowAfter(attempts, kill) >= 10, 90, "writes after the kill");
        } finally {
            stop.set(true);
            loop.get(30, TimeUnit.SECONDS);
            probe.get(30, TimeUnit.SECONDS);
            readLoop.get(30, TimeUnit.SECONDS);
            writer.shutdownNow();
            prober.shutdownNow();
            reader.shutdownNow();
            Launcher.run("infra", "up"); // the killed node rejoins as a standby
        }

        assertTrue(readiness.contains(503), "not ready while no primary answers: " + readiness);
        assertEquals(200, readiness.get(readiness.size() - 1), "ready again: " + readiness);

        List<Attempt> failed = attempts.stream().filter(a -> a.status() != 201).toList();
        for (Attempt a : failed) {
            assertEquals(503, a.status(), "a failed write is a 503, never anything else: " + a);
            assertTrue(a.retryAfter() != null, "a 503 says when to retry: " + a);
        }
        Set<String> acknowledged = new HashSet<>();
        attempts.stream().filter(a -> a.status() == 201).forEach(a -> acknowledged.add(a.email()));
        Set<String> stored = storedEmailsWithPrefix(prefix);
        Set<String> lost = new HashSet<>(acknowledged);
        lost.removeAll(stored);
        assertTrue(lost.isEmpty(), "acknowledged registrations missing on the new primary: " + lost);
        assertTrue(attempts.stream().anyMatch(a -> a.status() == 201 && a.startedAt() > killReturnedAt),
                "writes resumed without a restart");

        for (Attempt read : reads) {
            if (read.status() == 200) {
                assertEquals(readerEmail, read.email(), "a profile read answers the caller's profile: " + read);
            } else {
                assertEquals(503, read.status(), "a failed read is a 503, never anything else: " + read);
                assertTrue(read.retryAfter() != null, "a 503 says when to retry: " + read);
            }
        }
        assertTrue(reads.stream().anyMatch(a -> a.status() == 200 && a.startedAt() > killReturnedAt),
                "reads answered after the kill: " + reads.size() + " reads");

        // The outage: from the first failed write to the first successful write after it.
        Attempt firstFailure = failed.isEmpty() ? null : failed.get(0);
        Attempt firstOkAfter = firstFailure == null ? null
                : attempts.stream().filter(a -> a.status() == 201 && a.startedAt() > firstFailure.startedAt())
                        .findFirst().orElseThrow();
        Attempt slowest = attempts.stream().filter(a -> a.startedAt() >= killedAt)
                .max((a, b) -> Long.compare(a.endedAt() - a.startedAt(), b.endedAt() - b.startedAt())).orElseThrow();
        System.out.printf("""
                FAILOVER (customer-service, killed %s): %d registrations, %d acknowledged, %d answered 503, 0 lost
                  outage (first failed write -> first successful write): %s
                  kill command returned -> first successful write after the outage: %s; slowest single request: %.1f s
                """,
                killed, attempts.size(), acknowledged.size(), failed.size(),
                firstFailure == null ? "no write failed"
                        : String.format("%.1f s", (firstOkAfter.endedAt() - firstFailure.startedAt()) / 1e9),
                firstOkAfter == null ? "-" : String.format("%.1f s", (firstOkAfter.endedAt() - killReturnedAt) / 1e9),
                (slowest.endedAt() - slowest.startedAt()) / 1e9);
        Attempt slowestRead = reads.stream().filter(a -> a.startedAt() >= killedAt)
                .max((a, b) -> Long.compare(a.endedAt() - a.startedAt(), b.endedAt() - b.startedAt())).orElseThrow();
        System.out.printf("  profile reads: %d, %d answered 200, %d answered 503; slowest after the kill: %.1f s%n",
                reads.size(), reads.stream().filter(r -> r.status() == 200).count(),
                reads.stream().filter(r -> r.status() == 503).count(),
                (slowestRead.endedAt() - slowestRead.startedAt()) / 1e9);
        if (firstFailure != null) {
            // The read that met the dead primary waited on the server (retried) until a standby was promoted:
            // it began before the first failed write ended, ended after the last failed write began, and took
            // seconds. Without the retries it would have failed as fast as the writes did.
            Attempt lastFailure = failed.get(failed.size() - 1);
            assertTrue(reads.stream().anyMatch(r -> r.status() == 200 && r.startedAt() < firstFailure.endedAt()
                    && r.endedAt() > lastFailure.startedAt() && r.endedAt() - r.startedAt() > 2_000_000_000L),
                    "a profile read held through the outage answered 200; writes failed from "
                            + firstFailure.startedAt() / 1e9 + " s to " + lastFailure.endedAt() / 1e9
                            + " s, reads after the kill: " + reads.stream().filter(r -> r.startedAt() > killedAt)
                                    .map(r -> String.format("%d %.1f-%.1f s", r.status(), r.startedAt() / 1e9,
                                            r.endedAt() / 1e9)).toList());
        }
    }

    private static Set<String> storedEmailsWithPrefix(String prefix) throws Exception {
        Set<String> emails = new HashSet<>();
        try (Connection db = Api.primary();
                PreparedStatement query = db.prepareStatement("select email from customer where email like ?")) {
            query.setString(1, prefix + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    emails.add(rows.getString(1));
                }
            }
        }
        return emails;
    }

    private static long count(List<Attempt> attempts, int status, long startedAfter) {
        return attempts.stream().filter(a -> a.status() == status && a.startedAt() > startedAfter).count();
    }

    private static int successesInARowAfter(List<Attempt> attempts, long after) {
        List<Attempt> since = new ArrayList<>(attempts.stream().filter(a -> a.startedAt() > after).toList());
        int run = 0;
        for (int i = since.size() - 1; i >= 0 && since.get(i).status() == 201; i--) {
            run++;
        }
        return run;
    }

    private static void await(BooleanSupplier condition, int seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
