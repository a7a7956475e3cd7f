package io.pra.failover.service;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.pra.failover.domain.VoteOutcome;

/** Vote metrics: fresh down votes per site, and votes ignored by reason. */
@ApplicationScoped
public class VoteMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> downVotes = new ConcurrentHashMap<>();

    VoteMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** {@code pra_site_down_votes{site}}: fresh down votes when the site's last vote was recorded. */
    void downVotes(String site, int count) {
        downVotes.computeIfAbsent(site,
                key -> registry.gauge("pra.site.down.votes", Tags.of("site", key), new AtomicInteger()))
                .set(count);
    }

    /** {@code pra_votes_ignored_total{site,reason}}: votes from unknown observers or out of order. */
    void rejected(String site, VoteOutcome outcome) {
        registry.counter("pra.votes.ignored", "site", site, "reason", outcome.name().toLowerCase(Locale.ROOT))
                .increment();
    }
}
