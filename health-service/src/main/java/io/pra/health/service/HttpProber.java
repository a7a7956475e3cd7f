package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * HTTP(S) checks on Vert.x's non-blocking client: pooled keep-alive connections, no thread per probe. Two clients,
 * because trusting any certificate is a client-wide option: certificates are verified unless a check opts out.
 */
public final class HttpProber implements Prober, AutoCloseable {

    private final Vertx vertx;
    private final HttpClient verifying;
    private final HttpClient trustingAll;

    public HttpProber(Vertx vertx, int poolSize) {
        this.vertx = vertx;
        PoolOptions pool = new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1);
        this.verifying = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setVerifyHost(true), pool);
        this.trustingAll = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setTrustAll(true).setVerifyHost(false), pool);
    }

    @Override
    public boolean enforcesTimeout() {
        return true;
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        ProbeTarget.Http target = (ProbeTarget.Http) check.target();
        return Uni.createFrom().completionStage(() -> send(check, target).toCompletionStage());
    }

    private Future<ProbeOutcome> send(CheckSpec check, ProbeTarget.Http target) {
        long timeoutMillis = Math.max(1, check.timeout().toMillis());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.valueOf(target.method()))
                .setAbsoluteURI(target.url().toString())
                .setConnectTimeout(timeoutMillis)
                .setIdleTimeout(timeoutMillis);
        long start = System.nanoTime();
        HttpClient client = target.verifyTls() ? verifying : trustingAll;
        Promise<ProbeOutcome> result = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        // The idle timeout alone would let a server that trickles bytes hold a probe forever: bound the whole exchange.
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (result.tryComplete(ProbeOutcome.fail(null, elapsed(start), "timed out after " + timeoutMillis + " ms", null))
                    && sent.get() != null) {
                sent.get().reset();
            }
        });
        client.request(options)
                .compose(request -> {
                    sent.set(request);
                    return request.send();
                })
                .compose(response -> response.body().map(body -> judge(target, response, body.toString(), elapsed(start))))
                .recover(error -> Future.succeededFuture(ProbeOutcome.fail(null, elapsed(start), describe(error), null)))
                .onSuccess(outcome -> {
                    vertx.cancelTimer(timer);
                    result.tryComplete(outcome);
                });
        return result.future();
    }

    private static ProbeOutcome judge(ProbeTarget.Http target, HttpClientResponse response, String body, Duration latency) {
        int status = response.statusCode();
        if (!target.expectedStatus().contains(status)) {
            return ProbeOutcome.fail(status, latency, "unexpected status " + status + ", expected one of "
                    + target.expectedStatus(), null);
        }
        if (target.maxLatency().isPresent() && latency.compareTo(target.maxLatency().get()) > 0) {
            return ProbeOutcome.fail(status, latency, "answered in " + latency.toMillis() + " ms, above the bound of "
                    + target.maxLatency().get().toMillis() + " ms", null);
        }
        if (target.bodyContains().isPresent() && !body.contains(target.bodyContains().get())) {
            return ProbeOutcome.fail(status, latency, "body does not contain '" + target.bodyContains().get() + "'", null);
        }
        return ProbeOutcome.pass(status, latency, null);
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        verifying.close();
        trustingAll.close();
    }
}
