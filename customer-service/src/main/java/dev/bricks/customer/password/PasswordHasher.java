package dev.bricks.customer.password;

import dev.bricks.customer.CustomerConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;

/**
 * bcrypt hashing. Checking a password for an e-mail nobody registered costs as much as a real
 * check (against a hash made at start-up), so timing does not tell which e-mails exist.
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt only reads the first 72 bytes of a password. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    private final String dummyHash;

    @Inject
    public PasswordHasher(CustomerConfig config) {
        this(config.bcryptCost());
    }

    PasswordHasher(int cost) {
        this.cost = cost;
        this.dummyHash = BcryptUtil.bcryptHash("not-a-password-of-anyone", cost);
    }

    public String hash(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    /** Whether the password matches the hash; a null hash (no such account) takes the same time and fails. */
    public boolean matches(String password, String hashOrNull) {
        boolean matches = BcryptUtil.matches(password, hashOrNull == null ? dummyHash : readable(hashOrNull));
        return hashOrNull != null && matches;
    }

    /** The bcrypt cost of the check an unknown e-mail gets (read off its hash, as for any bcrypt hash). */
    int costOfAnUnknownAccountsCheck() {
        return costOf(dummyHash);
    }

    static int costOf(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    /**
     * Elytron reads $2a$ and $2y$ but not $2b$ (OpenBSD's and Python bcrypt's default), which names
     * the same algorithm for passwords of at most 72 bytes; {@link #isBcryptHash} accepts all three.
     */
    private static String readable(String hash) {
        return hash.startsWith("$2b$") ? "$2a$" + hash.substring(4) : hash;
    }

    public static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    public static boolean isBcryptHash(String hash) {
        return hash != null && hash.matches("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");
    }
}
