package io.pra.failover.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The votes on one protected site: the latest per configured observer, by sequence. Down votes
 * count while fresh on this service's clock; an up vote replaces (withdraws) the observer's down
 * vote. Not thread-safe: the caller serializes access per site (the decision holds a row lock).
 */
public final class QuorumTally {

    private final QuorumPolicy policy;
    private final Map<String, Vote> latest = new HashMap<>();

    public QuorumTally(QuorumPolicy policy) {
        this.policy = policy;
    }

    /** A tally holding votes recorded earlier (e.g. loaded from the database). */
    public static QuorumTally of(QuorumPolicy policy, Collection<Vote> votes) {
        QuorumTally tally = new QuorumTally(policy);
        votes.forEach(tally::accept);
        return tally;
    }

    /** Records the vote if its observer is configured and its sequence is newer than the last one. */
    public VoteOutcome accept(Vote vote) {
        if (!policy.knows(vote.observerId())) {
            return VoteOutcome.UNKNOWN_OBSERVER;
        }
        Vote previous = latest.get(vote.observerId());
        if (previous != null && previous.sequence() >= vote.sequence()) {
            return VoteOutcome.OUT_OF_ORDER;
        }
        latest.put(vote.observerId(), vote);
        return VoteOutcome.RECORDED;
    }

    /** The quorum at {@code now}: fresh down votes from distinct configured observers. */
    public Quorum evaluate(Instant now) {
        List<Vote> fresh = latest.values().stream()
                .filter(Vote::down)
                .filter(vote -> vote.isFreshAt(now, policy.voteTtl()))
                .sorted(Comparator.comparing(Vote::observerId))
                .toList();
        return new Quorum(fresh.size() >= policy.quorum(), policy.quorum(), fresh);
    }

    /** The latest vote of every observer, fresh or not. */
    public Collection<Vote> latestVotes() {
        return List.copyOf(latest.values());
    }

    public QuorumPolicy policy() {
        return policy;
    }
}
