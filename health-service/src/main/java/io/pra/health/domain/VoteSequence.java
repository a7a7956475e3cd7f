package io.pra.health.domain;

import java.time.Clock;

/**
 * The observer's vote sequence, shared by site-down and site-up votes of every site it watches. The health-service
 * keeps no database (an observer must not share a failure domain with the others), so the sequence must grow across
 * restarts without being stored: each value is the larger of the previous value + 1 and the clock in milliseconds.
 * A restarted observer therefore starts above every value it sent before, as long as it sent fewer than one vote per
 * millisecond on average (it sends one per site and round) and its clock did not step back further than that lead.
 */
public final class VoteSequence {

    private final Clock clock;
    private long last;

    public VoteSequence(Clock clock) {
        this.clock = clock;
    }

    public synchronized long next() {
        last = Math.max(last + 1, clock.millis());
        return last;
    }
}
