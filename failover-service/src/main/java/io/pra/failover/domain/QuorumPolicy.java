package io.pra.failover.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Who may vote on a site, how many fresh down votes make a quorum, and how long a vote counts.
 * A quorum below two is refused: one partitioned, dead or lying observer must never be enough.
 *
 * @param observers ids of the observers whose votes count
 * @param quorum    fresh down votes from distinct observers needed
 * @param voteTtl   how long a vote counts after this service received it
 */
public record QuorumPolicy(Set<String> observers, int quorum, Duration voteTtl) {

    public QuorumPolicy {
        observers = Set.copyOf(Objects.requireNonNull(observers, "observers"));
        Objects.requireNonNull(voteTtl, "voteTtl");
        if (observers.size() < 2) {
            throw new IllegalArgumentException("at least two observers are needed, got " + observers);
        }
        if (quorum < 2 || quorum > observers.size()) {
            throw new IllegalArgumentException("quorum must be between 2 and the number of observers ("
                    + observers.size() + "), got " + quorum);
        }
        if (voteTtl.isNegative() || voteTtl.isZero()) {
            throw new IllegalArgumentException("vote TTL must be positive, got " + voteTtl);
        }
    }

    /** A policy whose quorum is a strict majority of the observers. */
    public static QuorumPolicy majority(Set<String> observers, Duration voteTtl) {
        return new QuorumPolicy(observers, majorityOf(observers.size()), voteTtl);
    }

    /** Smallest count above half of {@code observerCount}. */
    public static int majorityOf(int observerCount) {
        return observerCount / 2 + 1;
    }

    /** True when {@code observerId} is one of the configured observers. */
    public boolean knows(String observerId) {
        return observers.contains(observerId);
    }
}
