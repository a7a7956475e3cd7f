package io.pra.failover.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.pra.failover.domain.VoteAdmission;
import io.pra.failover.persistence.AuditRepository;

/**
 * What happens to a rejected vote: counted ({@code pra_votes_rejected_total{reason}}), logged, and audited as
 * {@code vote.rejected} with the observer it claimed and why. A forger flooding the topic must not flood the audit
 * log: one entry per observer and reason per minute, the count says the rest.
 */
@ApplicationScoped
public class RejectedVotes {

    /** At most one audit entry per observer and reason in this window. */
    static final Duration AUDIT_WINDOW = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(RejectedVotes.class);

    private final AuditRepository audit;
    private final VoteMetrics metrics;
    private final Map<String, Instant> lastAudited = new ConcurrentHashMap<>();

    RejectedVotes(AuditRepository audit, VoteMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    /** Records a rejection in the caller's transaction. */
    void record(String siteId, String claimedObserver, VoteAdmission.Verdict.Rejected refusal, Instant now) {
        metrics.rejected(siteId, refusal.reason().label());
        String key = claimedObserver + "|" + refusal.reason();
        Instant previous = lastAudited.get(key);
        if (previous == null || !now.isBefore(previous.plus(AUDIT_WINDOW))) {
            lastAudited.put(key, now);
            audit.append(now, claimedObserver == null ? "unknown" : claimedObserver, "vote.rejected", siteId, null, 0,
                    refusal.reason().label() + ": " + refusal.detail());
            LOG.warnf("vote rejected (%s): site=%s %s", refusal.reason().label(), siteId, refusal.detail());
        } else {
            LOG.debugf("vote rejected (%s): site=%s %s", refusal.reason().label(), siteId, refusal.detail());
        }
    }
}
