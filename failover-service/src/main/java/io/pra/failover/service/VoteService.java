package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.failover.FailoverDecided;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.Quorum;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.QuorumTally;
import io.pra.failover.domain.Vote;
import io.pra.failover.domain.VoteAdmission;
import io.pra.failover.domain.VoteOutcome;
import io.pra.failover.persistence.ObserverBoots;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.failover.persistence.VoteRepository;
import io.pra.kit.processed.ProcessedEvents;

/**
 * Admits observers' votes on the protected site (signature, source, skew, freshness by event time, replay), records
 * the admitted ones and, when they make a quorum across enough failure domains, decides a failover in the same
 * transaction, under the site's row lock. Enough observers in too few domains is reported, not acted on.
 */
@ApplicationScoped
public class VoteService {

    /** Consumer name in {@code processed_event}. */
    static final String CONSUMER = "votes";

    private static final Logger LOG = Logger.getLogger(VoteService.class);

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final VoteAdmission admission;
    private final Clock clock;
    private final ProcessedEvents processed;
    private final SiteRepository sites;
    private final VoteRepository votes;
    private final ObserverBoots boots;
    private final FailoverDecider decider;
    private final QuorumIncompleteReporter incomplete;
    private final VoteMetrics metrics;
    private final RejectedVotes rejected;

    VoteService(FailoverConfig config, QuorumPolicy policy, VoteAdmission admission, Clock clock,
            ProcessedEvents processed, SiteRepository sites, VoteRepository votes, ObserverBoots boots,
            FailoverDecider decider, QuorumIncompleteReporter incomplete, VoteMetrics metrics,
            RejectedVotes rejected) {
        this.config = config;
        this.policy = policy;
        this.admission = admission;
        this.clock = clock;
        this.processed = processed;
        this.sites = sites;
        this.votes = votes;
        this.boots = boots;
        this.decider = decider;
        this.incomplete = incomplete;
        this.metrics = metrics;
        this.rejected = rejected;
    }

    /**
     * Applies one vote record once: admits it, records it as its observer's latest, then decides if the fresh down
     * votes make a quorum. Votes on sites this service does not protect are ignored; rejected votes are counted and
     * audited.
     */
    @Transactional
    public Optional<FailoverDecided> onVote(UUID eventId, String siteId, VoteAdmission.Candidate candidate) {
        if (!processed.markProcessed(eventId, CONSUMER) || !siteId.equals(config.sourceSite())) {
            return Optional.empty();
        }
        SiteEntity site = sites.lock(siteId);
        Instant now = clock.instant();
        String observer = candidate.observerId();
        OptionalLong last = bootId(candidate).map(boot -> boots.lastSequence(observer, boot))
                .orElse(OptionalLong.empty());
        VoteAdmission.Verdict verdict = admission.admit(candidate, now, last);
        if (verdict instanceof VoteAdmission.Verdict.Rejected refusal) {
            rejected.record(siteId, observer, refusal, now);
            return Optional.empty();
        }
        Vote vote = ((VoteAdmission.Verdict.Admitted) verdict).vote();
        boots.accepted(vote.observerId(), vote.bootId(), vote.sequence(), now);
        metrics.clockOffset(vote.observerId(), vote.clockOffset());
        QuorumTally tally = QuorumTally.of(policy, votes.latestVotes(siteId));
        if (tally.accept(vote) != VoteOutcome.RECORDED) {
            LOG.debugf("vote of %s superseded by a later one: site=%s boot=%s sequence=%d", observer, siteId,
                    vote.bootId(), vote.sequence());
            return Optional.empty();
        }
        votes.save(siteId, vote);
        Quorum quorum = tally.evaluate(now);
        metrics.downVotes(siteId, quorum.downVotes().size());
        incomplete.track(site, quorum, now);
        if (!vote.down() || !quorum.reached()) {
            return Optional.empty();
        }
        return decider.decideOnQuorum(site, quorum);
    }

    private static Optional<String> bootId(VoteAdmission.Candidate candidate) {
        String boot = candidate.event() instanceof SiteDown down ? down.bootId() : ((SiteUp) candidate.event()).bootId();
        return Optional.ofNullable(boot).filter(id -> !id.isBlank());
    }
}
