package io.pra.notifier.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The notifier's metrics, all named {@code pra_notifier_*}. */
@ApplicationScoped
public class NotifierMetrics {

    private final MeterRegistry registry;

    NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A delivery reached SENT or FAILED. */
    public void outcome(String channel, String outcome) {
        Counter.builder("pra_notifier_deliveries").description("Deliveries by channel and final outcome")
                .tag("channel", channel).tag("outcome", outcome).register(registry).increment();
    }

    /** Event time to SENT. */
    public void latency(String channel, Duration latency) {
        Timer.builder("pra_notifier_delivery_latency").description("Event time to delivery sent")
                .tag("channel", channel).publishPercentileHistogram().register(registry)
                .record(latency.isNegative() ? Duration.ZERO : latency);
    }

    /** A failed attempt that will be retried. */
    public void retry(String channel) {
        Counter.builder("pra_notifier_retries").description("Failed attempts scheduled for a retry")
                .tag("channel", channel).register(registry).increment();
    }

    /** An event no routing rule matched, sent to the default channel. */
    public void unrouted(String type) {
        Counter.builder("pra_notifier_unrouted_events").description("Events no route matched (default channel used)")
                .tag("type", type).register(registry).increment();
    }

    /** A record skipped: a type this version does not know, or a redelivered event. */
    public void skipped(String reason) {
        Counter.builder("pra_notifier_skipped_events").description("Records skipped: unknown type or duplicate")
                .tag("reason", reason).register(registry).increment();
    }

    /** A site-down heartbeat of an episode already notified: no delivery. */
    public void suppressed(String type) {
        Counter.builder("pra_notifier_suppressed_events")
                .description("Site-down heartbeats of an episode already notified (no delivery)")
                .tag("type", type).register(registry).increment();
    }

}
