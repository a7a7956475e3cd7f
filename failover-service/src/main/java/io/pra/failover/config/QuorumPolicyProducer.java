package io.pra.failover.config;

import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.failover.domain.QuorumPolicy;

/** Builds the source site's quorum policy from the configuration, naming the setting when it is invalid. */
public class QuorumPolicyProducer {

    @Produces
    @Singleton
    QuorumPolicy quorumPolicy(FailoverConfig config) {
        Set<String> observers = new LinkedHashSet<>(config.observers());
        if (observers.size() != config.observers().size()) {
            throw new IllegalArgumentException(
                    "pra.failover.observers lists an observer twice: " + config.observers());
        }
        try {
            return config.quorum()
                    .map(quorum -> new QuorumPolicy(observers, quorum, config.voteTtl()))
                    .orElseGet(() -> QuorumPolicy.majority(observers, config.voteTtl()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid pra.failover.observers / pra.failover.quorum / pra.failover.vote-ttl: " + e.getMessage(), e);
        }
    }
}
