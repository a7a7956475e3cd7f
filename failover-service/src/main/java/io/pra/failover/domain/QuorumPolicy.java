package io.pra.failover.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may vote on a site and in which failure domain, how many fresh down votes make a quorum and across how many
 * domains, and how long a vote counts. A quorum below two is refused: one partitioned, dead or lying observer must
 * never be enough; with {@code quorumDomains} of two or more, no single failure domain (a whole site, cut from the
 * other by a link failure) is enough either.
 *
 * @param domains       the failure domain of each observer whose votes count, by observer id
 * @param quorum        fresh down votes from distinct observers needed
 * @param quorumDomains distinct failure domains those votes must come from
 * @param voteTtl       how long a vote counts from its event time
 */
public record QuorumPolicy(Map<String, String> domains, int quorum, int quorumDomains, Duration voteTtl) {

    public QuorumPolicy {
        domains = Map.copyOf(Objects.requireNonNull(domains, "domains"));
        Objects.requireNonNull(voteTtl, "voteTtl");
        if (domains.size() < 2) {
            throw new IllegalArgumentException("at least two observers are needed, got " + domains.keySet());
        }
        if (quorum < 2 || quorum > domains.size()) {
            throw new IllegalArgumentException("quorum must be between 2 and the number of observers ("
                    + domains.size() + "), got " + quorum);
        }
        int distinct = new TreeSet<>(domains.values()).size();
        if (quorumDomains < 1 || quorumDomains > distinct) {
            throw new IllegalArgumentException("quorumDomains must be between 1 and the number of distinct failure "
                    + "domains of the observers (" + distinct + ": " + new TreeSet<>(domains.values()) + "), got "
                    + quorumDomains);
        }
        if (voteTtl.isNegative() || voteTtl.isZero()) {
            throw new IllegalArgumentException("vote TTL must be positive, got " + voteTtl);
        }
    }

    /** A policy whose quorum is a strict majority of the observers. */
    public static QuorumPolicy majority(Map<String, String> domains, int quorumDomains, Duration voteTtl) {
        return new QuorumPolicy(domains, majorityOf(domains.size()), quorumDomains, voteTtl);
    }

    /** Smallest count above half of {@code observerCount}. */
    public static int majorityOf(int observerCount) {
        return observerCount / 2 + 1;
    }

    /** The observer ids. */
    public Set<String> observers() {
        return domains.keySet();
    }

    /** True when {@code observerId} is one of the configured observers. */
    public boolean knows(String observerId) {
        return domains.containsKey(observerId);
    }

    /** The configured failure domain of {@code observerId}. */
    public String domainOf(String observerId) {
        String domain = domains.get(observerId);
        if (domain == null) {
            throw new IllegalArgumentException("unknown observer " + observerId);
        }
        return domain;
    }
}
