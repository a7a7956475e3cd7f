package io.pra.bench.loopback;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A webhook receiver on 127.0.0.1 that records when each POST arrived, with its path and body; answers 200. */
public final class ArrivalSink implements AutoCloseable {

    /** One received POST. */
    public record Arrival(long nanos, String path, String body) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final List<Arrival> arrivals;

    private ArrivalSink(Vertx vertx, HttpServer server, List<Arrival> arrivals) {
        this.vertx = vertx;
        this.server = server;
        this.arrivals = arrivals;
    }

    public static ArrivalSink start() {
        Vertx vertx = Vertx.vertx();
        List<Arrival> arrivals = new CopyOnWriteArrayList<>();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> {
                long at = System.nanoTime();
                request.body().onSuccess(body -> {
                    arrivals.add(new Arrival(at, request.path(), body.toString()));
                    request.response().setStatusCode(200).end("ok");
                });
            }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new ArrivalSink(vertx, server, arrivals);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the webhook sink: " + e.getMessage(), e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    /** Everything received so far, oldest first. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the webhook sink: " + e.getMessage(), e);
        }
    }
}
