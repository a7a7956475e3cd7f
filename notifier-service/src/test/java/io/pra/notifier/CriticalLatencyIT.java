package io.pra.notifier;

import static io.pra.notifier.NotifierFixtures.site;
import static io.pra.notifier.NotifierFixtures.siteDown;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.pra.events.CloudEventAttributes;
import io.pra.testkit.sink.SlackSink;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Critical notifications with the default delivery settings, one after another: {@value #EVENTS}
 * {@code pra.site.down} events, each opening a new episode (its own {@code firstFailedAt}) so each is
 * notified rather than suppressed as a heartbeat, each reaching the Slack webhook exactly once. The
 * latency from produce to webhook is logged for a look; the figure held against DESIGN "Objectives"
 * (p99 under one second) is the bench's ({@code bench/run}), not this test's: the test command makes
 * no timed assertion.
 */
@QuarkusTest
@WithTestResource(value = NotifierTestResource.class, initArgs = @ResourceArg(name = "defaults", value = "true"))
class CriticalLatencyIT {

    private static final Logger LOG = Logger.getLogger(CriticalLatencyIT.class);
    private static final int WARM_UP = 10;
    private static final int EVENTS = 120;

    SlackSink slack;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachSiteDownInTurnReachesSlackOnce() {
        String site = site("latency");
        List<Long> millis = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (NotifierFixtures.Publisher publisher = new NotifierFixtures.Publisher(bootstrapServers)) {
            for (int i = 1; i <= WARM_UP + EVENTS; i++) {
                long start = System.nanoTime();
                CloudEventAttributes event = publisher.publish(siteDown(site, i));
                ids.add(event.id());
                await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
                        .until(() -> !Inbox.accepted(slack, event.id()).isEmpty());
                if (i > WARM_UP) {
                    millis.add((System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        Collections.sort(millis);
        long p50 = percentile(millis, 50);
        long p95 = percentile(millis, 95);
        long p99 = percentile(millis, 99);
        LOG.infof("critical notification latency over %d events (produce -> Slack webhook received): "
                + "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms", millis.size(), p50, p95, p99, millis.get(millis.size() - 1));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> Inbox.accepted(slack, site).size() == ids.size());
        assertThat(ids).allSatisfy(id -> assertThat(Inbox.accepted(slack, id)).hasSize(1));
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
