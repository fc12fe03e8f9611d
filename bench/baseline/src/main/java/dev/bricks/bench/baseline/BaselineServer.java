package dev.bricks.bench.baseline;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The raw speed the catalog stands on: one Vert.x route per catalog endpoint, answering from a map
 * of request URI to the exact response bytes the catalog gave for it (captured by the runner).
 *
 * <p>Usage: {@code BaselineServer PORT INDEX}, where INDEX is a file of lines
 * {@code URI<TAB>BODY-FILE} (body files relative to the index).
 */
public final class BaselineServer {

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Map<String, Buffer> bodies = load(Path.of(args[1]));
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/api/catalog/products/:sku").handler(ctx -> answer(ctx, bodies));
        router.get("/api/catalog/products").handler(ctx -> answer(ctx, bodies));
        router.get("/ready").handler(ctx -> ctx.response().end("ready"));
        vertx.createHttpServer()
                .requestHandler(router)
                .listen(port, "127.0.0.1")
                .onSuccess(s -> System.out.println("baseline listening on 127.0.0.1:" + port
                        + " with " + bodies.size() + " bodies"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private static void answer(io.vertx.ext.web.RoutingContext ctx, Map<String, Buffer> bodies) {
        Buffer body = bodies.get(ctx.request().uri());
        if (body == null) {
            ctx.response().setStatusCode(404).end();
        } else {
            ctx.response().putHeader("Content-Type", "application/json;charset=UTF-8").end(body);
        }
    }

    private static Map<String, Buffer> load(Path index) throws IOException {
        Map<String, Buffer> bodies = new HashMap<>();
        List<String> lines = Files.readAllLines(index);
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            bodies.put(parts[0], Buffer.buffer(Files.readAllBytes(index.resolveSibling(parts[1]))));
        }
        return bodies;
    }
}
