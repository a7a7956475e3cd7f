package io.pra.health.service;

import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * PromQL checks: an instant query against the Prometheus HTTP API ({@code GET /api/v1/query}); every sample of the
 * vector (or the scalar) must satisfy the condition, and no sample at all fails.
 */
public final class PromQlProber implements Prober, AutoCloseable {

    private final HttpClient client;

    public PromQlProber(Vertx vertx) {
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        ProbeTarget.PromQl target = (ProbeTarget.PromQl) check.target();
        long timeoutMillis = Math.max(1, check.timeout().toMillis());
        String base = target.prometheusUrl().toString().replaceAll("/+$", "");
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + "/api/v1/query?query=" + URLEncoder.encode(target.query(), StandardCharsets.UTF_8))
                .setConnectTimeout(timeoutMillis).setIdleTimeout(timeoutMillis);
        return Uni.createFrom().completionStage(() -> {
            long start = System.nanoTime();
            return client.request(options)
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> judge(target, response.statusCode(), body.toString(),
                            HttpProber.elapsed(start))))
                    .recover(error -> Future.succeededFuture(ProbeOutcome.fail(null, HttpProber.elapsed(start),
                            HttpProber.describe(error), target.query())))
                    .toCompletionStage();
        });
    }

    static ProbeOutcome judge(ProbeTarget.PromQl target, int status, String body, Duration latency) {
        JsonObject answer;
        try {
            answer = new JsonObject(body);
        } catch (RuntimeException e) {
            return ProbeOutcome.fail(status, latency, "not a Prometheus API answer: " + e.getMessage(), target.query());
        }
        if (status != 200 || !"success".equals(answer.getString("status"))) {
            return ProbeOutcome.fail(status, latency, "query failed: " + answer.getString("errorType", "status " + status)
                    + " " + answer.getString("error", ""), target.query());
        }
        JsonObject data = answer.getJsonObject("data", new JsonObject());
        List<Double> values = new ArrayList<>();
        switch (data.getString("resultType", "")) {
            case "vector" -> data.getJsonArray("result", new JsonArray()).forEach(sample ->
                    values.add(value(((JsonObject) sample).getJsonArray("value"))));
            case "scalar" -> values.add(value(data.getJsonArray("result")));
            default -> {
                return ProbeOutcome.fail(status, latency, "unsupported result type '" + data.getString("resultType")
                        + "' (expected vector or scalar)", target.query());
            }
        }
        String condition = "value " + target.comparison().symbol() + " " + target.threshold();
        if (values.isEmpty()) {
            return ProbeOutcome.fail(status, latency, "no sample for " + target.query(), condition);
        }
        List<Double> failing = values.stream().filter(value -> !target.comparison().holds(value, target.threshold())).toList();
        String detail = "values " + values + ", wanted " + condition;
        return failing.isEmpty() ? ProbeOutcome.pass(status, latency, detail)
                : ProbeOutcome.fail(status, latency, failing.size() + " of " + values.size() + " samples fail " + condition, detail);
    }

    private static double value(JsonArray timestampAndValue) {
        return Double.parseDouble(timestampAndValue.getString(1));
    }

    @Override
    public void close() {
        client.close();
    }
}
