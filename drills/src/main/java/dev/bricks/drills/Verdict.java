package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * How one call counts in a drill, after the rules of DESIGN.md "No single point of failure":
 * <ul>
 * <li><b>ok</b>: the expected status and a body that says what it should;</li>
 * <li><b>failed</b> (allowed): a 503, a connection error or a timeout — a request in flight on a
 * dying server may fail this way;</li>
 * <li><b>wrong</b> (never allowed): any other 5xx (a 500, or the gateway's 502/504), a 4xx that
 * the call cannot deserve, or the expected status with a wrong body.</li>
 * </ul>
 */
public record Verdict(Type type, Failure failure, String problem) {

    public enum Type { OK, FAILED, WRONG }

    /** Checks an expected answer's body: returns null when it is right, else what is wrong. */
    @FunctionalInterface
    public interface BodyCheck {
        String problemWith(JsonNode body);

        BodyCheck ANY = body -> null;
    }

    public static final Verdict OK = new Verdict(Type.OK, null, null);

    public static Verdict failed(Failure failure, String problem) {
        return new Verdict(Type.FAILED, failure, problem);
    }

    public static Verdict wrong(String problem) {
        return new Verdict(Type.WRONG, null, problem);
    }

    /**
     * Classifies {@code answer} of a call that should answer {@code expectedStatus} with a body
     * passing {@code check}.
     */
    public static Verdict of(Answer answer, int expectedStatus, BodyCheck check) {
        if (answer.failure() != null) {
            return failed(answer.failure(), answer.describe());
        }
        if (answer.status() == expectedStatus) {
            JsonNode body;
            try {
                body = answer.json();
            } catch (IOException e) {
                return wrong("HTTP " + answer.status() + " with a body that is not JSON: " + answer.describe());
            }
            String problem = check.problemWith(body);
            return problem == null ? OK : wrong("HTTP " + answer.status() + " but " + problem);
        }
        if (answer.status() == 503) {
            return failed(answer.header("Retry-After").isPresent() ? Failure.UNAVAILABLE
                    : Failure.UNAVAILABLE_WITHOUT_RETRY_AFTER, answer.describe());
        }
        return wrong(answer.describe() + " (expected " + expectedStatus + ")");
    }

    public boolean ok() {
        return type == Type.OK;
    }

    public boolean failed() {
        return type == Type.FAILED;
    }

    public boolean isWrong() {
        return type == Type.WRONG;
    }
}
