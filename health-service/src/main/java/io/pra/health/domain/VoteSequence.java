package io.pra.health.domain;

import java.time.Clock;
import java.util.UUID;

/**
 * The observer's vote sequence, shared by site-down and site-up votes of every site it watches. The health-service
 * keeps no database (an observer must not share a failure domain with the others), so the sequence must grow across
 * restarts without being stored: each value is the larger of the previous value + 1 and the clock in milliseconds.
 * A restarted observer therefore starts above every value it sent before, as long as it sent fewer than one vote per
 * millisecond on average (it sends one per site and round) and its clock did not step back further than that lead.
 * Each start also draws a boot id, sent with every vote: failover-service refuses a vote whose sequence is not above
 * the last it accepted for that observer and boot, so a replayed vote never counts, whatever the clock did.
 */
public final class VoteSequence {

    private final Clock clock;
    private final String bootId = UUID.randomUUID().toString();
    private long last;

    public VoteSequence(Clock clock) {
        this.clock = clock;
    }

    /** This process's boot: a random id drawn when it started. */
    public String bootId() {
        return bootId;
    }

    public synchronized long next() {
        last = Math.max(last + 1, clock.millis());
        return last;
    }
}
