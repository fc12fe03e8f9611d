package dev.bricks.drills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpHeaders;
import java.util.Map;
import java.util.Optional;

/**
 * What one HTTP call got: a status, headers and body, or a {@link Failure} when no answer came
 * (connection error, timeout).
 */
public final class Answer {

    static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final HttpHeaders headers;
    private final String body;
    private final Failure failure;
    private final String error;
    private JsonNode json;

    private Answer(int status, HttpHeaders headers, String body, Failure failure, String error) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.failure = failure;
        this.error = error;
    }

    public static Answer of(int status, HttpHeaders headers, String body) {
        return new Answer(status, headers, body == null ? "" : body, null, null);
    }

    /** An answer with these headers (for tests): name → value. */
    public static Answer of(int status, Map<String, String> headers, String body) {
        HttpHeaders h = HttpHeaders.of(
                headers.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                        Map.Entry::getKey, e -> java.util.List.of(e.getValue()))),
                (a, b) -> true);
        return of(status, h, body);
    }

    public static Answer none(Failure failure, String error) {
        return new Answer(-1, HttpHeaders.of(Map.of(), (a, b) -> true), "", failure, error);
    }

    /** The HTTP status, or -1 when there was no answer. */
    public int status() {
        return status;
    }

    public String body() {
        return body;
    }

    /** Set when no answer came. */
    public Failure failure() {
        return failure;
    }

    /** The exception text when no answer came. */
    public String error() {
        return error;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The body as JSON; throws {@link IOException} when it is not JSON. */
    public JsonNode json() throws IOException {
        if (json == null) {
            json = JSON.readTree(body);
            if (json == null) {
                throw new IOException("empty body");
            }
        }
        return json;
    }

    /** A short description of the answer for reports: status and the start of the body. */
    public String describe() {
        if (failure != null) {
            return failure.label() + " (" + error + ")";
        }
        String detail = body;
        try {
            JsonNode problem = json();
            if (problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not JSON: show the raw start
        }
        detail = detail.replaceAll("\\s+", " ").trim();
        if (detail.length() > 160) {
            detail = detail.substring(0, 160) + "…";
        }
        return "HTTP " + status + (detail.isEmpty() ? "" : ": " + detail);
    }
}
