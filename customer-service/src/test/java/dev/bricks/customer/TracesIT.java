package dev.bricks.customer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bricks.customer.support.Api;
import dev.bricks.testing.RecordedSpans;
import dev.bricks.testing.Traceparents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request's trace in the customer brick: its database statements are spans of it, its problems name it. */
@QuarkusTest
class TracesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    RecordedSpans spans;

    @Test
    void aRegistrationsInsertIsASpanOfItsRequestsTrace() throws Exception {
        Traceparents request = Traceparents.sampled();

        given().header(Traceparents.HEADER, request.header()).contentType("application/json")
                .body(Map.of("email", Api.uniqueEmail("traced"), "password", Api.PASSWORD, "name", "Ada"))
                .when().post("/api/customers").then().statusCode(201);

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (spans.ofTrace(request.traceId()).stream().noneMatch(TracesIT::isInsert)) {
            assertTrue(System.nanoTime() < deadline, "no INSERT span in the registration's trace; it has "
                    + spans.ofTrace(request.traceId()).stream().map(SpanData::getName).toList());
            Thread.sleep(100);
        }
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestThatMetIt() {
        Traceparents request = Traceparents.sampled();

        given().header(Traceparents.HEADER, request.header()).contentType("application/json")
                .body("{\"email\":").when().post("/api/customers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("traceId", equalTo(request.traceId()));
    }

    private static boolean isInsert(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getName().startsWith("INSERT");
    }
}
