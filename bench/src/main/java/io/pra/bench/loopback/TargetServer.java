package io.pra.bench.loopback;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The one HTTP target both sides probe, on 127.0.0.1: answers {@code 200 ok} on every path unless a path was
 * switched to {@link Mode#FAIL} (503) or {@link Mode#HANG} (never answers: a black-holed site). Counts requests,
 * and on the numbered paths {@code /p/<i>} the gaps between two probes of the same path, which shows missed and late
 * rounds the same way for both sides.
 */
public final class TargetServer implements AutoCloseable {

    /** How a path answers. */
    public enum Mode { OK, FAIL, HANG }

    private final Vertx vertx;
    private final HttpServer server;
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Queue<HttpServerRequest> hung = new ConcurrentLinkedQueue<>();
    private final LongAdder requests = new LongAdder();
    private volatile RoundTracker rounds = new RoundTracker(0, 1);

    private TargetServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts the server on a free loopback port with one event loop per core. */
    public static TargetServer start() {
        Vertx vertx = Vertx.vertx();
        TargetServer[] self = new TargetServer[1];
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(request -> self[0].handle(request))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            self[0] = new TargetServer(vertx, server);
            return self[0];
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot start the target server: " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public void mode(String path, Mode mode) {
        if (mode == Mode.OK) {
            modes.remove(path);
            HttpServerRequest request;
            while ((request = hung.poll()) != null) {
                try {
                    request.response().setStatusCode(503).end();
                } catch (IllegalStateException closed) {
                    // The prober gave up on it and closed the connection: nothing to answer.
                }
            }
        } else {
            modes.put(path, mode);
        }
    }

    /** Requests answered or held so far, on every path. */
    public long requests() {
        return requests.sum();
    }

    /** Starts tracking the gaps between probes of {@code /p/0 .. /p/<paths-1>}, expected every {@code intervalNanos}. */
    public RoundTracker trackRounds(int paths, long intervalNanos) {
        rounds = new RoundTracker(paths, intervalNanos);
        return rounds;
    }

    private void handle(HttpServerRequest request) {
        requests.increment();
        String path = request.path();
        if (path.startsWith("/p/")) {
            rounds.arrived(path.substring(3), System.nanoTime());
        }
        Mode mode = modes.getOrDefault(path, Mode.OK);
        switch (mode) {
            case OK -> request.response().putHeader("content-type", "text/plain").end("ok");
            case FAIL -> request.response().setStatusCode(503).end("unavailable");
            case HANG -> hung.add(request);
        }
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the target server: " + e.getMessage(), e);
        }
    }

    /**
     * Per numbered path, the time of its last probe; each new probe's gap counts as on time (up to 1.5 intervals)
     * or late, and a gap of k intervals (rounded) means k − 1 rounds missed.
     */
    public static final class RoundTracker {
        private final long intervalNanos;
        private final AtomicLongArray last;
        private final LongAdder gaps = new LongAdder();
        private final LongAdder late = new LongAdder();
        private final LongAdder missed = new LongAdder();
        private volatile boolean counting;

        RoundTracker(int paths, long intervalNanos) {
            this.intervalNanos = intervalNanos;
            this.last = new AtomicLongArray(paths);
        }

        /** From now on, gaps are tallied (earlier probes only set the last-seen times). */
        public void startCounting() {
            gaps.reset();
            late.reset();
            missed.reset();
            counting = true;
        }

        public long gaps() {
            return gaps.sum();
        }

        public long late() {
            return late.sum();
        }

        public long missed() {
            return missed.sum();
        }

        void arrived(String index, long now) {
            int i;
            try {
                i = Integer.parseInt(index);
            } catch (NumberFormatException e) {
                return;
            }
            if (i < 0 || i >= last.length()) {
                return;
            }
            long previous = last.getAndSet(i, now);
            if (previous == 0 || !counting) {
                return;
            }
            long gap = now - previous;
            gaps.increment();
            if (gap > intervalNanos * 3 / 2) {
                late.increment();
                missed.add(Math.max(0, Math.round((double) gap / intervalNanos) - 1));
            }
        }
    }
}
