package dev.bricks.contracts.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bricks.contracts.Money;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

    record Line(String sku, int quantity) {
    }

    record Order(List<Line> lines) {
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aValueOfTheWrongTypeIsABadRequestNamingTheNestedField() {
        JsonProcessingException error = parseError("{\"lines\":[{\"sku\":\"A\",\"quantity\":\"many\"}]}");

        Problem problem = ProblemMapper.fromJson(error);

        assertEquals(400, problem.status());
        assertEquals("lines[0].quantity", problem.errors().get(0).field());
        assertTrue(problem.detail().startsWith("lines[0].quantity"), problem.detail());
    }

    @Test
    void malformedJsonIsABadRequestThatSaysSo() {
        Problem problem = ProblemMapper.fromJson(parseError("{\"lines\": [ }"));

        assertEquals(400, problem.status());
        assertTrue(problem.detail().contains("not valid JSON"), problem.detail());
        assertNull(problem.errors());
    }

    @Test
    void malformedJsonSaysWhereItBroke() {
        Problem problem = ProblemMapper.fromJson(parseError("{\"lines\":\n [ }"));

        assertTrue(problem.detail().contains("line 2"), problem.detail());
    }

    @Test
    void aNumberTooBigForItsFieldIsABadRequestNamingTheField() {
        Problem problem =
                ProblemMapper.fromJson(parseError("{\"lines\":[{\"sku\":\"A\",\"quantity\":99999999999999999999}]}"));

        assertEquals(400, problem.status());
        assertEquals("lines[0].quantity", problem.errors().get(0).field());
        assertEquals("lines[0].quantity: is a number out of range", problem.detail());
    }

    @Test
    void aBodyOfTheWrongShapeSaysWhatWasExpectedWithoutJavaNames() {
        for (String body : new String[] { "[1,2]", "2", "\"text\"" }) {
            Problem problem = ProblemMapper.fromJson(parseError(body));

            assertEquals(400, problem.status());
            assertEquals("the request body must be a JSON object", problem.detail(), body);
        }
    }

    @Test
    void problemsLeaveOutWhatIsUnknown() throws Exception {
        String body = json.writeValueAsString(Problem.of(404, "Not Found", "no product ABC"));

        assertEquals("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no product ABC\"}",
                body);
    }

    @Test
    void aProblemNamesTheTraceOfTheRequestItAnswers() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        SpanContext request = SpanContext.create(traceId, "00f067aa0ba902b7", TraceFlags.getSampled(),
                TraceState.getDefault());

        Problem problem;
        try (Scope ignored = Span.wrap(request).makeCurrent()) {
            problem = ProblemMapper.traced(Problem.of(404, "Not Found", "no product ABC"));
        }

        assertEquals(traceId, problem.traceId());
        assertTrue(json.writeValueAsString(problem).endsWith(",\"traceId\":\"" + traceId + "\"}"));
    }

    @Test
    void aProblemOutsideATraceHasNoTraceId() {
        assertNull(ProblemMapper.traced(Problem.of(500, "Internal Server Error", "boom")).traceId());
    }

    @Test
    void aProblemExceptionCarriesItsRetryAfterHeader() {
        ProblemException unavailable = ProblemException.unavailable("catalog is down", 5);

        assertEquals(503, unavailable.status());
        assertEquals("5", unavailable.headers().get("Retry-After"));
        assertEquals("catalog is down", unavailable.toProblem().detail());
    }

    @Test
    void moneyTravelsAsADecimalString() throws Exception {
        String body = json.writeValueAsString(new Money(new BigDecimal("12.50"), "EUR"));

        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", body);
        assertFalse(body.contains("12.5,"));
    }

    private JsonProcessingException parseError(String body) {
        try {
            json.readValue(body, Order.class);
        } catch (JsonProcessingException e) {
            return e;
        }
        throw new AssertionError("expected a parse error for " + body);
    }
}
