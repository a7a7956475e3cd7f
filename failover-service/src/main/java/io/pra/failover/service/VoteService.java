package io.pra.failover.service;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.failover.FailoverDecided;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.Quorum;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.QuorumTally;
import io.pra.failover.domain.Vote;
import io.pra.failover.domain.VoteOutcome;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.failover.persistence.VoteRepository;
import io.pra.kit.processed.ProcessedEvents;

/**
 * Records observers' votes on the protected site and, when they make a quorum, decides a failover
 * in the same transaction, under the site's row lock.
 */
@ApplicationScoped
public class VoteService {

    /** Consumer name in {@code processed_event}. */
    static final String CONSUMER = "votes";

    private static final Logger LOG = Logger.getLogger(VoteService.class);

    private final FailoverConfig config;
    private final QuorumPolicy policy;
    private final Clock clock;
    private final ProcessedEvents processed;
    private final SiteRepository sites;
    private final VoteRepository votes;
    private final FailoverDecider decider;
    private final VoteMetrics metrics;

    VoteService(FailoverConfig config, QuorumPolicy policy, Clock clock, ProcessedEvents processed,
            SiteRepository sites, VoteRepository votes, FailoverDecider decider, VoteMetrics metrics) {
        this.config = config;
        this.policy = policy;
        this.clock = clock;
        this.processed = processed;
        this.sites = sites;
        this.votes = votes;
        this.decider = decider;
        this.metrics = metrics;
    }

    /**
     * Applies one vote event once: records it as its observer's latest, then decides if the fresh
     * down votes make a quorum. Votes on sites this service does not protect are ignored.
     */
    @Transactional
    public Optional<FailoverDecided> onVote(UUID eventId, String siteId, Vote vote) {
        if (!processed.markProcessed(eventId, CONSUMER) || !siteId.equals(config.sourceSite())) {
            return Optional.empty();
        }
        SiteEntity site = sites.lock(siteId);
        QuorumTally tally = QuorumTally.of(policy, votes.latestVotes(siteId));
        VoteOutcome outcome = tally.accept(vote);
        if (outcome == VoteOutcome.UNKNOWN_OBSERVER) {
            metrics.rejected(siteId, outcome);
            LOG.warnf("vote from unknown observer ignored: site=%s observer=%s sequence=%d", siteId,
                    vote.observerId(), vote.sequence());
            return Optional.empty();
        }
        if (outcome == VoteOutcome.OUT_OF_ORDER) {
            metrics.rejected(siteId, outcome);
            return Optional.empty();
        }
        votes.save(siteId, vote);
        Quorum quorum = tally.evaluate(clock.instant());
        metrics.downVotes(siteId, quorum.downVotes().size());
        if (!vote.down() || !quorum.reached()) {
            return Optional.empty();
        }
        return decider.decideOnQuorum(site, quorum);
    }
}
