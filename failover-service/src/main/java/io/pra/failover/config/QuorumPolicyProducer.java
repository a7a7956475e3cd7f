package io.pra.failover.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.signing.SigningKeys;
import io.pra.failover.domain.ObserverKeys;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.VoteAdmission;
import io.pra.kit.intake.IntakeSettings;

/**
 * Builds the source site's quorum policy, its observers' public keys and the vote admission from the configuration,
 * naming the setting when one is invalid: the service does not start with a policy it cannot enforce.
 */
public class QuorumPolicyProducer {

    @Produces
    @Singleton
    QuorumPolicy quorumPolicy(FailoverConfig config) {
        Map<String, String> domains = new TreeMap<>();
        config.observers().forEach((id, observer) -> domains.put(id, observer.domain()));
        try {
            return config.quorum()
                    .map(quorum -> new QuorumPolicy(domains, quorum, config.quorumDomains(), config.voteTtl()))
                    .orElseGet(() -> QuorumPolicy.majority(domains, config.quorumDomains(), config.voteTtl()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid pra.failover.observers / quorum / quorum-domains / vote-ttl: "
                    + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    ObserverKeys observerKeys(FailoverConfig config) {
        Map<String, List<PublicKey>> keys = new LinkedHashMap<>();
        config.observers().forEach((id, observer) -> keys.put(id, observer.publicKeys().stream()
                .map(file -> publicKey(id, file)).toList()));
        try {
            return new ObserverKeys(keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid pra.failover.observers.*.public-keys: " + e.getMessage(), e);
        }
    }

    @Produces
    @Singleton
    VoteAdmission voteAdmission(ObserverKeys keys, QuorumPolicy policy, FailoverConfig config) {
        if (config.allowedClockSkew().isNegative()) {
            throw new IllegalArgumentException("pra.failover.allowed-clock-skew cannot be negative, got "
                    + config.allowedClockSkew());
        }
        return new VoteAdmission(keys, policy, config.allowedClockSkew());
    }

    @Produces
    @Singleton
    IntakeSettings intake(FailoverConfig config) {
        return config.intake();
    }

    private static PublicKey publicKey(String observer, String file) {
        String setting = "pra.failover.observers.\"" + observer + "\".public-keys";
        try {
            return SigningKeys.publicKey(Files.readString(Path.of(file.trim())));
        } catch (IOException e) {
            throw new IllegalArgumentException(setting + ": cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + ": " + file + " is not an Ed25519 public key in PEM: "
                    + e.getMessage(), e);
        }
    }
}
