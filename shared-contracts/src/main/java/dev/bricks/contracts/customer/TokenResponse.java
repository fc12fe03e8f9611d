package dev.bricks.contracts.customer;

/**
 * Answer of {@code POST /api/customers/token}: an RS256 JWT to send as {@code Authorization:
 * Bearer}, and its lifetime in seconds.
 */
public record TokenResponse(String accessToken, long expiresIn) {

    @Override
    public String toString() {
        return "TokenResponse[token hidden, expiresIn=" + expiresIn + "]";
    }
}
