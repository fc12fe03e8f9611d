import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The cart's second baseline in ./bricks bench: what Redis itself gives for the work of one cart
 * change, without the cart. Each of CONNECTIONS connections owns one cart in database 9 (made by the
 * cart's own {@code create.lua}) and, until SECONDS are up, sends the cart's {@code set_line.lua}
 * (with its prelude, as the cart loads it) as {@code EVALSHA} pipelined with {@code WAIT 1 1000}, as
 * the cart does for a change it acknowledges, and waits for both replies. A bare RESP client on
 * blocking sockets, JDK only: {@code java bench/probes/RedisChange.java HOST PORT LUA_DIR CONNECTIONS
 * SECONDS}. Prints one JSON line; deletes its keys afterwards.
 */
public final class RedisChange {

    private static final String DB = "9";
    private static final String TTL_MS = "3600000";
    private static final String MAX_LINES = "50";
    private static final String[] SKUS = {"KIT-0001", "KIT-0002", "KIT-0003", "KIT-0004", "KIT-0005"};

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        Path lua = Path.of(args[2]);
        int connections = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        String prelude = Files.readString(lua.resolve("prelude.lua"));
        String create = prelude + "\n" + Files.readString(lua.resolve("create.lua"));
        String setLine = prelude + "\n" + Files.readString(lua.resolve("set_line.lua"));

        AtomicLong errors = new AtomicLong();
        AtomicLong unacknowledged = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        for (int c = 0; c < connections; c++) {
            long[] mine = new long[200_000];
            latencies.add(mine);
            int id = c;
            Thread t = new Thread(() -> {
                try (Resp redis = new Resp(host, port)) {
                    redis.call("SELECT", DB);
                    String cart = "bench:cart:" + id;
                    redis.call("EVAL", create, "1", cart, "", TTL_MS);
                    String sha = (String) redis.call("SCRIPT", "LOAD", setLine);
                    int n = 0;
                    while (System.nanoTime() < deadline && n < mine.length - 1) {
                        String sku = SKUS[n % SKUS.length];
                        String snapshot = "{\"name\":\"Bench " + sku + "\",\"amount\":12.5,\"currency\":\"EUR\"}";
                        long t0 = System.nanoTime();
                        redis.send("EVALSHA", sha, "3", cart, "bench:checkout:" + id, "bench:touched", "",
                                "bench-" + id, sku, Integer.toString(1 + n % 3), snapshot, MAX_LINES, TTL_MS);
                        redis.send("WAIT", "1", "1000");
                        Object change = redis.read();
                        Object acked = redis.read();
                        mine[++n] = System.nanoTime() - t0;
                        if (change instanceof RespError || !(change instanceof List<?> reply) || !"ok".equals(reply.get(0))) {
                            errors.incrementAndGet();
                        }
                        if (!(acked instanceof Long replicas) || replicas < 1) {
                            unacknowledged.incrementAndGet();
                        }
                    }
                    mine[0] = n;
                    redis.call("DEL", cart, "bench:checkout:" + id);
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("connection " + id + ": " + e);
                }
            });
            threads.add(t);
        }
        long start = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (Resp redis = new Resp(host, port)) {
            redis.call("SELECT", DB);
            redis.call("DEL", "bench:touched");
        }
        long total = latencies.stream().mapToLong(l -> l[0]).sum();
        long[] all = new long[(int) total];
        int i = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 1, all, i, (int) l[0]);
            i += (int) l[0];
        }
        Arrays.sort(all);
        System.out.printf(Locale.ROOT, "{\"changes\":%d,\"rps\":%.1f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"errors\":%d,"
                        + "\"notAcknowledgedByAReplica\":%d}%n", total, total / elapsed, percentile(all, 0.50),
                percentile(all, 0.99), errors.get(), unacknowledged.get());
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }

    /** An error reply. */
    record RespError(String message) {
    }

    /** One connection: commands written as RESP arrays of bulk strings, replies read as Java values. */
    static final class Resp implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Resp(String host, int port) throws IOException {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 65536);
        }

        Object call(String... args) throws IOException {
            send(args);
            Object reply = read();
            if (reply instanceof RespError error) {
                throw new IOException(args[0] + ": " + error.message());
            }
            return reply;
        }

        void send(String... args) throws IOException {
            StringBuilder b = new StringBuilder().append('*').append(args.length).append("\r\n");
            for (String a : args) {
                b.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
            }
            out.write(b.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        Object read() throws IOException {
            int type = in.read();
            String line = line();
            switch (type) {
                case '+':
                    return line;
                case '-':
                    return new RespError(line);
                case ':':
                    return Long.parseLong(line);
                case '$': {
                    int length = Integer.parseInt(line);
                    if (length < 0) {
                        return null;
                    }
                    byte[] bytes = in.readNBytes(length + 2);
                    return new String(bytes, 0, length, StandardCharsets.UTF_8);
                }
                case '*': {
                    int count = Integer.parseInt(line);
                    List<Object> items = new ArrayList<>(Math.max(count, 0));
                    for (int k = 0; k < count; k++) {
                        items.add(read());
                    }
                    return items;
                }
                default:
                    throw new IOException("unexpected reply type " + type);
            }
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\r') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                b.append((char) c);
            }
            in.read();
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
