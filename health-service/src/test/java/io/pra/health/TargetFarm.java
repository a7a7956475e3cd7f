package io.pra.health;

import io.vertx.core.Vertx;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local targets for the checks: an HTTP server whose answer per path the test scripts (status sequences, alternation),
 * a fake Prometheus {@code /api/v1/query}, a server that accepts connections and never answers, and a TCP listener
 * that can be closed and reopened on the same port.
 */
public final class TargetFarm implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> promValues = new ConcurrentHashMap<>();
    private HttpServer http;
    private NetServer hanging;
    private NetServer tcp;
    private int tcpPort;

    TargetFarm start() {
        http = await(vertx.createHttpServer().requestHandler(request -> {
            String path = request.path();
            hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            if (path.equals("/api/v1/query")) {
                prometheus(request.getParam("query"), request.response());
                return;
            }
            int status = scripts.computeIfAbsent(path, p -> new Script(200)).next();
            request.response().setStatusCode(status).end("status " + status + " from " + path);
        }).listen(0, "127.0.0.1"));
        hanging = await(vertx.createNetServer().connectHandler(socket -> socket.pause()).listen(0, "127.0.0.1"));
        tcp = await(vertx.createNetServer().connectHandler(socket -> socket.close()).listen(0, "127.0.0.1"));
        tcpPort = tcp.actualPort();
        return this;
    }

    private void prometheus(String query, HttpServerResponse response) {
        String value = promValues.get(query);
        JsonObject body = new JsonObject().put("status", "success").put("data", new JsonObject()
                .put("resultType", "vector")
                .put("result", value == null ? new JsonArray() : new JsonArray().add(new JsonObject()
                        .put("metric", new JsonObject().put("__name__", "up").put("job", "shop"))
                        .put("value", new JsonArray().add(System.currentTimeMillis() / 1000.0).add(value)))));
        response.putHeader("content-type", "application/json").end(body.encode());
    }

    /** Base URL of the HTTP server. */
    public String url() {
        return "http://127.0.0.1:" + http.actualPort();
    }

    /** URL of a server that accepts connections and never answers. */
    public String hangingUrl() {
        return "http://127.0.0.1:" + hanging.actualPort() + "/never";
    }

    public int tcpPort() {
        return tcpPort;
    }

    /** Answers this status on the path from now on. */
    public void respond(String path, int status) {
        scripts.put(path, new Script(status));
    }

    /** Answers these statuses once each, in order, then 200 again. */
    public void script(String path, int... statuses) {
        Script script = new Script(200);
        for (int status : statuses) {
            script.once.add(status);
        }
        scripts.put(path, script);
    }

    /** Alternates between the two statuses, starting with the first. */
    public void alternate(String path, int first, int second) {
        scripts.put(path, new Script(first, second));
    }

    /** Whether the scripted statuses of the path have all been served. */
    public boolean scriptDone(String path) {
        Script script = scripts.get(path);
        return script == null || script.pending() == 0;
    }

    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    /** The fake Prometheus answers this query with one sample of this value ({@code null}: no sample). */
    public void promValue(String query, String value) {
        if (value == null) {
            promValues.remove(query);
        } else {
            promValues.put(query, value);
        }
    }

    /** Closes the TCP listener: connections are refused. */
    public void closeTcp() {
        await(tcp.close());
    }

    /** Listens again on the same port. */
    public void reopenTcp() {
        tcp = await(vertx.createNetServer().connectHandler(socket -> socket.close()).listen(tcpPort, "127.0.0.1"));
    }

    @Override
    public void close() {
        await(vertx.close());
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("target farm: " + e.getMessage(), e);
        }
    }

    /** Statuses to serve on one path: a queue served once, then a repeating cycle. */
    private static final class Script {
        private final Deque<Integer> once = new ArrayDeque<>();
        private final int[] cycle;
        private int position;

        Script(int... cycle) {
            this.cycle = cycle;
        }

        synchronized int next() {
            if (!once.isEmpty()) {
                return once.poll();
            }
            int status = cycle[position % cycle.length];
            position++;
            return status;
        }

        synchronized int pending() {
            return once.size();
        }
    }
}
