package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.Trigger;

/** Votes, policies, backups and runs for the domain tests. */
final class DomainFixtures {

    static final Instant T0 = Instant.parse("2026-03-14T10:00:00Z");
    static final Duration TTL = Duration.ofSeconds(30);
    /** Three observers in three failure domains: one per site and a witness. */
    static final Map<String, String> DOMAINS = Map.of("obs-a", "site-a", "obs-b", "site-b", "obs-c", "witness");
    static final String BOOT = "boot-1";

    private DomainFixtures() {
    }

    static QuorumPolicy majorityOfThree() {
        return QuorumPolicy.majority(DOMAINS, 2, TTL);
    }

    /** A down vote of {@code observer}'s boot {@link #BOOT}, observed, appended and received at {@code eventTime}. */
    static Vote down(String observer, long sequence, Instant eventTime, Instant firstFailedAt) {
        return new Vote(observer, BOOT, sequence, true, eventTime, eventTime, eventTime, eventTime, firstFailedAt,
                TTL);
    }

    static Vote down(String observer, long sequence, Instant eventTime) {
        return down(observer, sequence, eventTime, eventTime.minusSeconds(5));
    }

    static Vote up(String observer, long sequence, Instant eventTime) {
        return new Vote(observer, BOOT, sequence, false, eventTime, eventTime, eventTime, eventTime, null, TTL);
    }

    static BackupCandidate backup(String name, Instant startedAt, boolean visibleOnTarget) {
        return new BackupCandidate(name, "default", startedAt, startedAt.plusSeconds(60), null, visibleOnTarget);
    }

    /** The approval deadline of the fixture runs that wait for approval. */
    static final Instant DEADLINE = T0.plus(Duration.ofMinutes(30));

    static FailoverRun quorumRun(boolean approvalRequired) {
        return run(Trigger.QUORUM, null, approvalRequired ? ApprovalTimeoutAction.ABORT : null);
    }

    static FailoverRun manualRun(String requester) {
        return run(Trigger.MANUAL, requester, ApprovalTimeoutAction.ABORT);
    }

    /** A run decided at {@link #T0} under epoch 2 of site a; it waits for approval when {@code onTimeout} is set. */
    static FailoverRun run(Trigger trigger, String requester, ApprovalTimeoutAction onTimeout) {
        BackupRef backup = new BackupRef("pra-sample-1", "default", T0.minusSeconds(60), T0.minusSeconds(30));
        FailoverDecided decided = new FailoverDecided(UUID.randomUUID(), 2, "a", "b", trigger, T0, T0.minusSeconds(10),
                List.of(), backup, Duration.ofSeconds(50), Duration.ofMinutes(15), onTimeout != null, requester,
                requester == null ? null : "site a lost");
        return FailoverRun.decided(decided, onTimeout == null ? null
                : new FailoverRun.ApprovalTerms("MANUAL mode", DEADLINE, onTimeout));
    }
}
