package dev.bricks.drills;

/** Why a call failed in an allowed way: nothing was answered that could be wrong. */
public enum Failure {
    /** 503 with Retry-After: the shop said "not now". */
    UNAVAILABLE("503"),
    /** 503 without Retry-After (e.g. the gateway's own "no replica" page): allowed, but counted apart. */
    UNAVAILABLE_WITHOUT_RETRY_AFTER("503 w/o Retry-After"),
    /** Connection refused, reset or closed before an answer, or the 1 s connect timeout. */
    CONNECTION("connection"),
    /** No answer within the 10 s request timeout. */
    TIMEOUT("timeout");

    private final String label;

    Failure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
