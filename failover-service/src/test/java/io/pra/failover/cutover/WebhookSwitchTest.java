package io.pra.failover.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.Trigger;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict.Outcome;

class WebhookSwitchTest {

    private static final SideEffectCheck ALLOWED = () -> { };
    private static final Instant DECIDED = Instant.parse("2026-11-24T03:00:10Z");
    private static final FailoverRun RUN = FailoverRun.decided(new FailoverDecided(UUID.randomUUID(), 3, "a", "b",
            Trigger.QUORUM, DECIDED, DECIDED.minusSeconds(10), List.of(), new BackupRef("shop-1", "default",
                    DECIDED.minusSeconds(70), DECIDED.minusSeconds(60)), Duration.ofSeconds(60), Duration.ofMinutes(15),
            false, null, null), null);

    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final Queue<String> bodies = new ConcurrentLinkedQueue<>();
    private final Queue<String> keys = new ConcurrentLinkedQueue<>();
    private final Queue<String> epochs = new ConcurrentLinkedQueue<>();
    private HttpServer server;

    @BeforeEach
    void receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cutover", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            keys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            epochs.add(exchange.getRequestHeaders().getFirst(WebhookSwitch.EPOCH_HEADER));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 500 : status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postsTheRunAsJsonAndRetriesUntilA2xx() throws Exception {
        answers.addAll(List.of(503, 502, 204));

        var verdict = webhook(5).switchTraffic(RUN, ALLOWED);

        assertThat(verdict.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(verdict.detail()).isEqualTo("cutover webhook answered 204 on attempt 3");
        assertThat(bodies).hasSize(3).first().asString().contains("\"failoverId\":\"" + RUN.failoverId() + "\"")
                .contains("\"epoch\":3").contains("\"targetSite\":\"b\"").contains("\"backupName\":\"shop-1\"")
                .contains("\"disasterStartedAt\":\"2026-11-24T03:00:00Z\"");
        assertThat(keys).containsOnly(RUN.failoverId().toString());
        assertThat(epochs).containsOnly("3");
    }

    @Test
    void stopsCallingOnceTheExecutorMayNoLongerAct() {
        answers.addAll(List.of(503, 204));
        AtomicInteger checks = new AtomicInteger();
        SideEffectCheck abortedAfterFirstCall = () -> {
            if (checks.incrementAndGet() > 1) {
                throw new IllegalStateException("run aborted");
            }
        };

        assertThatThrownBy(() -> webhook(5).switchTraffic(RUN, abortedAfterFirstCall))
                .hasMessage("run aborted");
        assertThat(bodies).hasSize(1);
    }

    @Test
    void failsAfterItsAttemptsWithTheLastAnswer() throws Exception {
        var verdict = webhook(3).switchTraffic(RUN, ALLOWED);

        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.detail()).contains("after 3 attempts").contains("last: HTTP 500");
        assertThat(bodies).hasSize(3);
    }

    private WebhookSwitch webhook(int attempts) {
        return new WebhookSwitch(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/cutover"),
                attempts, Duration.ofMillis(10), Duration.ofSeconds(10));
    }
}
