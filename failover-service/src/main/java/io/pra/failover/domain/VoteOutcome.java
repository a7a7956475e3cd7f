package io.pra.failover.domain;

/** What a tally did with a vote. */
public enum VoteOutcome {
    /** The vote is now the observer's latest. */
    RECORDED,
    /** The observer already has a vote with this or a higher sequence; nothing changed. */
    OUT_OF_ORDER,
    /** The observer is not configured for the site; the vote is ignored. */
    UNKNOWN_OBSERVER
}
