package dev.bricks.drills;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/**
 * The shop's public HTTP API as the load and the verifier call it: one JDK {@link HttpClient}
 * (HTTP/1.1, keep-alive) with short timeouts. Every call returns an {@link Answer}; a connection
 * error or a timeout becomes an answer with a {@link Failure} instead of an exception.
 */
public final class ShopClient {

    /** Connect timeout: a dead server must not hold a shopper for long. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Whole-request timeout. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    static {
        // HAProxy closes idle keep-alive connections after 5 s (timeout http-keep-alive); the
        // JDK keeps them 1200 s by default, so a request could be sent on a connection the gateway
        // is just closing. Drop idle ones first (read once, when the first client is built).
        if (System.getProperty("jdk.httpclient.keepalive.timeout") == null) {
            System.setProperty("jdk.httpclient.keepalive.timeout", "4");
        }
    }

    /** Told of every call and its answer (e.g. {@link BuildTally}); called on the caller's thread. */
    @FunctionalInterface
    public interface Listener {
        void answered(String method, String path, long startNanos, Answer answer);
    }

    private final URI base;
    private final HttpClient http;
    private final Duration requestTimeout;
    private volatile Listener listener = (method, path, startNanos, answer) -> { };

    public ShopClient(URI base) {
        this(base, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
    }

    public ShopClient(URI base, Duration connectTimeout, Duration requestTimeout) {
        this.base = base;
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The gateway: {@code http://127.0.0.1:$BRICKS_GATEWAY_PORT} (8080 by default). */
    public static URI gateway() {
        String port = System.getenv("BRICKS_GATEWAY_PORT");
        return URI.create("http://127.0.0.1:" + (port == null || port.isBlank() ? "8080" : port.trim()));
    }

    public URI base() {
        return base;
    }

    /** Every later call is also reported to {@code listener}. */
    public ShopClient listen(Listener listener) {
        this.listener = listener;
        return this;
    }

    public Answer get(String path, String token) throws InterruptedException {
        return send("GET", path, token, null);
    }

    public Answer post(String path, String token, Object body) throws InterruptedException {
        return send("POST", path, token, body);
    }

    public Answer put(String path, String token, Object body) throws InterruptedException {
        return send("PUT", path, token, body);
    }

    /** One call; {@code body} (a map or record) is sent as JSON, {@code token} as a bearer token. */
    public Answer send(String method, String path, String token, Object body) throws InterruptedException {
        long start = System.nanoTime();
        Answer answer = call(method, path, token, body);
        listener.answered(method, path, start, answer);
        return answer;
    }

    private Answer call(String method, String path, String token, Object body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            try {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(Answer.JSON.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("cannot write " + body, e);
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Answer.of(response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException e) {
            return Answer.none(Failure.CONNECTION, "connect timeout");
        } catch (HttpTimeoutException e) {
            return Answer.none(Failure.TIMEOUT, "no answer within " + requestTimeout.toSeconds() + " s");
        } catch (ConnectException e) {
            return Answer.none(Failure.CONNECTION, "connection refused");
        } catch (IOException e) {
            return Answer.none(Failure.CONNECTION, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
