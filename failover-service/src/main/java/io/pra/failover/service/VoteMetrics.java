package io.pra.failover.service;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

/** Vote metrics: fresh down votes per site, rejected votes by reason, each observer's clock offset. */
@ApplicationScoped
public class VoteMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> downVotes = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Double>> clockOffsets = new ConcurrentHashMap<>();

    VoteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code pra_site_down_votes{site}}: fresh down votes when the site's last vote was recorded. */
    void downVotes(String site, int count) {
        downVotes.computeIfAbsent(site,
                key -> registry.gauge("pra.site.down.votes", Tags.of("site", key), new AtomicInteger()))
                .set(count);
    }

    /** {@code pra_votes_rejected_total{site,reason}}: votes that did not count, by why. */
    void rejected(String site, String reason) {
        registry.counter("pra.votes.rejected", "site", site, "reason", reason).increment();
    }

    /**
     * {@code pra_observer_clock_offset_seconds{observer}}: the observer's time minus the broker's at its last admitted
     * vote (negative when its clock is slow; at most the allowed skew ahead).
     */
    void clockOffset(String observer, Duration offset) {
        clockOffsets.computeIfAbsent(observer, key -> {
            AtomicReference<Double> value = new AtomicReference<>(0.0);
            registry.gauge("pra.observer.clock.offset.seconds", Tags.of("observer", key), value,
                    reference -> reference.get());
            return value;
        }).set(offset.toNanos() / 1e9);
    }
}
