package dev.bricks.cart.store;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One Lua script from {@code src/main/resources/lua} (with the shared prelude in front). Run it
 * through {@link RedisScripts}: by EVALSHA, and by EVAL when the server does not know it yet.
 */
public final class LuaScript {

    private final String name;
    private final String source;
    private final String sha;
    private final boolean writes;

    private LuaScript(String name, String source, boolean writes) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
        this.writes = writes;
    }

    /** A script that changes data: its change is acknowledged only once a replica has it. */
    public static LuaScript load(String name) {
        return new LuaScript(name, resource("prelude") + "\n" + resource(name), true);
    }

    /** A script that only reads. */
    public static LuaScript readOnly(String name) {
        return new LuaScript(name, resource("prelude") + "\n" + resource(name), false);
    }

    public String name() {
        return name;
    }

    public boolean writes() {
        return writes;
    }

    Request evalsha(List<String> keys, String... args) {
        return call(Command.EVALSHA, sha, keys, args);
    }

    Request eval(List<String> keys, String... args) {
        return call(Command.EVAL, source, keys, args);
    }

    private static Request call(Command command, String script, List<String> keys, String... args) {
        Request request = Request.cmd(command).arg(script).arg(keys.size());
        keys.forEach(request::arg);
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
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
