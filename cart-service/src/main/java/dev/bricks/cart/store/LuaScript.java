package dev.bricks.cart.store;

import dev.bricks.contracts.problem.ProblemException;
import io.quarkus.redis.datasource.RedisDataSource;
import io.vertx.mutiny.redis.client.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * One Lua script from {@code src/main/resources/lua} (with the shared prelude in front), run with
 * EVALSHA and, when the server does not know it yet, EVAL (which also caches it there).
 */
public final class LuaScript {

    private static final Logger LOG = Logger.getLogger(LuaScript.class);

    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    public static LuaScript load(String name) {
        return new LuaScript(name, resource("prelude") + "\n" + resource(name));
    }

    public Response run(RedisDataSource redis, List<String> keys, String... args) {
        List<String> command = new ArrayList<>(keys.size() + args.length + 2);
        command.add(sha);
        command.add(Integer.toString(keys.size()));
        command.addAll(keys);
        command.addAll(List.of(args));
        try {
            try {
                return redis.execute("EVALSHA", command.toArray(String[]::new));
            } catch (RuntimeException e) {
                if (!mentions(e, "NOSCRIPT")) {
                    throw e;
                }
                command.set(0, source);
                return redis.execute("EVAL", command.toArray(String[]::new));
            }
        } catch (RuntimeException e) {
            LOG.warnf("Redis script %s failed: %s", name, e.toString());
            throw ProblemException.unavailable("the cart store (Redis) is unavailable; try again shortly", 2);
        }
    }

    private static boolean mentions(Throwable error, String text) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static String resource(String name) {
        String path = "lua/" + name + ".lua";
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
