package dev.bricks.drills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictTest {

    private static final Verdict.BodyCheck HAS_ID = body -> body.has("id") ? null : "no id";

    @Test
    void theExpectedStatusWithARightBodyIsOk() {
        assertEquals(Verdict.OK, Verdict.of(Answer.of(201, Map.of(), "{\"id\":\"x\"}"), 201, HAS_ID));
    }

    @Test
    void theExpectedStatusWithAWrongBodyIsWrong() {
        Verdict verdict = Verdict.of(Answer.of(201, Map.of(), "{}"), 201, HAS_ID);

        assertTrue(verdict.isWrong());
        assertEquals("HTTP 201 but no id", verdict.problem());
    }

    @Test
    void aBodyThatIsNotJsonIsWrong() {
        assertTrue(Verdict.of(Answer.of(200, Map.of(), "<html>"), 200, HAS_ID).isWrong());
    }

    @Test
    void a503IsAnAllowedFailureWithOrWithoutRetryAfter() {
        assertEquals(Failure.UNAVAILABLE,
                Verdict.of(Answer.of(503, Map.of("Retry-After", "2"), "{}"), 200, HAS_ID).failure());
        assertEquals(Failure.UNAVAILABLE_WITHOUT_RETRY_AFTER,
                Verdict.of(Answer.of(503, Map.of(), "{}"), 200, HAS_ID).failure());
    }

    @Test
    void noAnswerIsAnAllowedFailure() {
        Verdict verdict = Verdict.of(Answer.none(Failure.TIMEOUT, "no answer within 10 s"), 200, HAS_ID);

        assertTrue(verdict.failed());
        assertEquals(Failure.TIMEOUT, verdict.failure());
    }

    @Test
    void everyOther5xxIsWrong() {
        for (int status : new int[] { 500, 502, 504 }) {
            assertTrue(Verdict.of(Answer.of(status, Map.of(), "{}"), 200, HAS_ID).isWrong(), "HTTP " + status);
        }
    }

    @Test
    void anUndeserved4xxIsWrongAndNamesTheProblemDetail() {
        Verdict verdict = Verdict.of(Answer.of(409, Map.of(),
                "{\"status\":409,\"detail\":\"cart abc is being checked out\"}"), 200, HAS_ID);

        assertTrue(verdict.isWrong());
        assertEquals("HTTP 409: cart abc is being checked out (expected 200)", verdict.problem());
    }
}
