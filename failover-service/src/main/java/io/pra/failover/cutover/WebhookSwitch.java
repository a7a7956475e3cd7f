package io.pra.failover.cutover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.pra.events.EventJson;
import io.pra.events.failover.Trigger;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict;

/**
 * CUTOVER through a webhook: POSTs the run as JSON, success on 2xx, retried with doubling backoff within the
 * cutover bound; each attempt is made only while the executor may still act for the run. A webhook cannot be read
 * back, so the request carries {@code Idempotency-Key: <failoverId>} (one run = one epoch, so the key is
 * deterministic per epoch) and the epoch ({@code X-PRA-Epoch}): a receiver that dedupes on the key switches once
 * even if a crash between its answer and our record repeats the call, and one that keeps the highest epoch it
 * applied ignores a stale executor.
 */
public final class WebhookSwitch implements TrafficSwitch {

    /** Header carrying the run's epoch, also in the body: a receiver keeps the highest epoch it applied. */
    static final String EPOCH_HEADER = "X-PRA-Epoch";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;
    private final int attempts;
    private final Duration backoff;
    private final Duration bound;

    public WebhookSwitch(URI url, int attempts, Duration backoff, Duration bound) {
        this.url = url;
        this.attempts = attempts;
        this.backoff = backoff;
        this.bound = bound;
    }

    @Override
    public StepVerdict switchTraffic(FailoverRun run, SideEffectCheck check) throws InterruptedException {
        Instant deadline = Instant.now().plus(bound);
        String body = json(Body.of(run));
        Duration pause = backoff;
        String last = "no attempt";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            HttpRequest request = HttpRequest.newBuilder(url).timeout(left)
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", run.failoverId().toString())
                    .header(EPOCH_HEADER, Long.toString(run.epoch()))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            check.confirm();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return StepVerdict.succeeded("cutover webhook answered " + status + " on attempt " + attempt);
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < attempts && Instant.now().plus(pause).isBefore(deadline)) {
                Thread.sleep(pause.toMillis());
                pause = pause.multipliedBy(2);
            }
        }
        return StepVerdict.failed("cutover webhook failed after " + attempts + " attempts within " + bound
                + ", last: " + last);
    }

    /**
     * The JSON the webhook receives.
     *
     * @param failoverId        run id (also the {@code Idempotency-Key})
     * @param epoch             the run's epoch; receivers should ignore a lower epoch than one they applied
     * @param sourceSite        site failed over from
     * @param targetSite        site that takes the traffic
     * @param trigger           quorum or manual
     * @param backupName        the backup restored on the target
     * @param decidedAt         when the failover was decided
     * @param disasterStartedAt when the source site started failing
     */
    record Body(UUID failoverId, long epoch, String sourceSite, String targetSite, Trigger trigger,
            String backupName, Instant decidedAt, Instant disasterStartedAt) {

        static Body of(FailoverRun run) {
            return new Body(run.failoverId(), run.epoch(), run.sourceSite(), run.targetSite(), run.trigger(),
                    run.decision().chosenBackup().backupName(), run.decision().decidedAt(),
                    run.decision().disasterStartedAt());
        }
    }

    private static String json(Body run) {
        try {
            return EventJson.mapper().writeValueAsString(run);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the cutover request as JSON", e);
        }
    }
}
