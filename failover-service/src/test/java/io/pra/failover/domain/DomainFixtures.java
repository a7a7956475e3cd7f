package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.pra.events.failover.Trigger;

/** Votes, policies, backups and runs for the domain tests. */
final class DomainFixtures {

    static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
    static final Duration TTL = Duration.ofSeconds(30);
    static final Set<String> OBSERVERS = Set.of("obs-a", "obs-b", "obs-c");

    private DomainFixtures() {
    }

    static QuorumPolicy majorityOfThree() {
        return QuorumPolicy.majority(OBSERVERS, TTL);
    }

    static Vote down(String observer, long sequence, Instant receivedAt, Instant firstFailedAt) {
        return new Vote(observer, sequence, true, receivedAt, receivedAt, firstFailedAt, TTL);
    }

    static Vote down(String observer, long sequence, Instant receivedAt) {
        return down(observer, sequence, receivedAt, receivedAt.minusSeconds(5));
    }

    static Vote up(String observer, long sequence, Instant receivedAt) {
        return new Vote(observer, sequence, false, receivedAt, receivedAt, null, TTL);
    }

    static BackupCandidate backup(String name, Instant startedAt, boolean visibleOnTarget) {
        return new BackupCandidate(name, "default", startedAt, startedAt.plusSeconds(60), null, visibleOnTarget);
    }

    static RunIdentity quorumRun() {
        return new RunIdentity(UUID.randomUUID(), 2, "a", "b", Trigger.QUORUM, null, T0);
    }

    static RunIdentity manualRun(String requester) {
        return new RunIdentity(UUID.randomUUID(), 2, "a", "b", Trigger.MANUAL, requester, T0);
    }
}
