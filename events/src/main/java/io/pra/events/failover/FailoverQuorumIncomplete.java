package io.pra.events.failover;

import java.time.Instant;
import java.util.List;

import io.pra.events.PraEvent;

/**
 * Enough observers vote the site down, but in fewer failure domains than the quorum asks (e.g. only site B's during
 * an A–B link cut): not a site loss. PRA does not fail over on its own; an operator may still fail over by hand.
 *
 * @param site            the protected site voted down
 * @param targetSite      the site it would fail over to
 * @param detectedAt      when failover-service saw it, on its clock
 * @param requiredVotes   fresh down votes from distinct observers the quorum needs
 * @param requiredDomains distinct failure domains the quorum needs
 * @param votes           the fresh down votes, one per observer
 * @param domains         the distinct failure domains of those votes
 */
public record FailoverQuorumIncomplete(
        String site,
        String targetSite,
        Instant detectedAt,
        int requiredVotes,
        int requiredDomains,
        List<QuorumVote> votes,
        List<String> domains) implements PraEvent {
}
