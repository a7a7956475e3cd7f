package io.pra.failover.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The votes on one protected site: the latest per configured observer (by event time, then sequence within a boot).
 * Down votes count while fresh by event time; an up vote replaces (withdraws) the observer's down vote. A vote is
 * admitted before it reaches the tally ({@link VoteAdmission}: signature, source, skew, staleness, replay). Not
 * thread-safe: the caller serializes access per site (the decision holds a row lock).
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

    /** Records the vote if its observer is configured and the vote is later than the observer's last one. */
    public VoteOutcome accept(Vote vote) {
        if (!policy.knows(vote.observerId())) {
            return VoteOutcome.UNKNOWN_OBSERVER;
        }
        Vote previous = latest.get(vote.observerId());
        if (previous != null && !vote.supersedes(previous)) {
            return VoteOutcome.OUT_OF_ORDER;
        }
        latest.put(vote.observerId(), vote);
        return VoteOutcome.RECORDED;
    }

    /**
     * The quorum at {@code now}: fresh down votes from distinct configured observers, counted in their configured
     * failure domains (never in what a vote says of itself).
     */
    public Quorum evaluate(Instant now) {
        List<Vote> fresh = latest.values().stream()
                .filter(Vote::down)
                .filter(vote -> vote.isFreshAt(now, policy.voteTtl()))
                .sorted(Comparator.comparing(Vote::observerId))
                .toList();
        Set<String> domains = fresh.stream().map(vote -> policy.domainOf(vote.observerId()))
                .collect(Collectors.toSet());
        boolean reached = fresh.size() >= policy.quorum() && domains.size() >= policy.quorumDomains();
        return new Quorum(reached, policy.quorum(), policy.quorumDomains(), fresh, domains);
    }

    /** The latest vote of every observer, fresh or not. */
    public Collection<Vote> latestVotes() {
        return List.copyOf(latest.values());
    }

    public QuorumPolicy policy() {
        return policy;
    }
}
