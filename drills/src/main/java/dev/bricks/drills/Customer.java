package dev.bricks.drills;

/**
 * A registered shopper of the load: credentials, id (the token's subject) and the current token.
 * One worker uses a customer at a time; the token fields are volatile for the verifier.
 */
public final class Customer {

    private final String email;
    private final String password;
    private volatile String id;
    private volatile String token;
    private volatile long tokenNanos;
    private volatile long expiresInSeconds;

    public Customer(String email, String password) {
        this.email = email;
        this.password = password;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /** The customer id (JWT subject); null before the first sign-in. */
    public String id() {
        return id;
    }

    public String token() {
        return token;
    }

    /** Keeps a fresh token; the id comes from its subject. */
    public void signedIn(String accessToken, long expiresIn, long nowNanos) {
        this.id = Jwt.subject(accessToken);
        this.token = accessToken;
        this.expiresInSeconds = expiresIn;
        this.tokenNanos = nowNanos;
    }

    /**
     * True when there is no token or it is near its end: older than its lifetime minus a minute
     * (minus a fifth of it for short lifetimes), so that a call never goes out with an expired token.
     */
    public boolean needsToken(long nowNanos) {
        if (token == null) {
            return true;
        }
        long margin = Math.min(60, expiresInSeconds / 5);
        return (nowNanos - tokenNanos) / 1_000_000_000L >= expiresInSeconds - margin;
    }

    /** The shop refused the token (401): sign in again before the next call. */
    public void forgetToken() {
        this.token = null;
    }

    @Override
    public String toString() {
        return email + (id == null ? "" : " (" + id + ")");
    }
}
