package io.pra.events;

import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.DrillVerdict;
import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverQuorumIncomplete;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.QuorumVote;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.events.health.CheckEvidence;
import io.pra.events.health.CheckKind;
import io.pra.events.health.FailingCheck;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.Severity;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A realistic sample of every event type: site A lost at 10:00, failed over to site B. */
final class EventFixtures {

    static final String SITE_A = "site-a";
    static final String SITE_B = "site-b";
    static final UUID FAILOVER_ID = UUID.fromString("7f3c2a10-5b8e-4d21-9c61-2e0a8b4f1d37");
    static final UUID DRILL_ID = UUID.fromString("c1d2e3f4-0a1b-4c2d-8e3f-405162738495");

    private static final Instant BACKUP_START = Instant.parse("2026-03-14T09:55:00Z");
    private static final Instant BACKUP_END = Instant.parse("2026-03-14T09:56:41.250Z");
    private static final Instant DISASTER = Instant.parse("2026-03-14T10:00:03.120Z");
    private static final Instant DECIDED = Instant.parse("2026-03-14T10:00:09.874Z");
    private static final BackupRef BACKUP = new BackupRef("pra-shop-20260314095500", "offsite-s3", BACKUP_START, BACKUP_END);
    private static final List<String> NAMESPACES = List.of("shop", "shop-db");

    private EventFixtures() {
    }

    static PraEvent sample(EventType type) {
        return switch (type) {
            case BACKUP_COMPLETED -> new BackupCompleted("pra-shop-20260314095500", SITE_A, "shop", "Completed",
                    BACKUP_START, BACKUP_END, Instant.parse("2026-04-13T09:55:00Z"), "default", NAMESPACES,
                    1342, 1342, 0, 0);
            case BACKUP_FAILED -> new BackupFailed("pra-shop-20260314100000", SITE_A, "shop", "FailedValidation",
                    null, null, null, "default", NAMESPACES, null, null, 0, 0,
                    "validation failed: backup storage location default is unavailable",
                    List.of("backup can't be created because BackupStorageLocation default is in Unavailable status"));
            case BACKUP_OFFSITE_VERIFIED -> new BackupOffsiteVerified("pra-shop-20260314095500", SITE_A, "shop",
                    SITE_B, Instant.parse("2026-03-14T09:57:30Z"), "Completed", BACKUP_START, BACKUP_END,
                    Instant.parse("2026-04-13T09:55:00Z"), "offsite-s3", NAMESPACES, 1342, 1342, 0, 0);
            case HEALTH_DEGRADED -> new HealthDegraded(SITE_A, "obs-b", "shop-frontend", CheckKind.HTTP,
                    Severity.CRITICAL, 3, Instant.parse("2026-03-14T10:00:07Z"), DISASTER,
                    new CheckEvidence(503, Duration.ofMillis(42), null, "GET https://shop.site-a.example/healthz"));
            case HEALTH_RECOVERED -> new HealthRecovered(SITE_A, "backup-service", "rpo-shop", CheckKind.RPO,
                    Severity.WARNING, 1, Instant.parse("2026-03-14T10:05:00Z"), Instant.parse("2026-03-14T10:03:00Z"),
                    new CheckEvidence(null, null, null, "RPO exposure PT2M10S, objective PT5M"));
            case SITE_DOWN -> new SiteDown(SITE_A, "obs-b", "zone-b", Instant.parse("2026-03-14T10:00:08.400Z"),
                    DISASTER, 1042, List.of(
                            new FailingCheck("shop-frontend", CheckKind.HTTP,
                                    new CheckEvidence(null, Duration.ofSeconds(2), "connect timed out", null)),
                            new FailingCheck("kube-api", CheckKind.KUBERNETES_API,
                                    new CheckEvidence(null, Duration.ofSeconds(2), "connection refused", null))),
                    Duration.ofSeconds(30), "3f6c2a9e-1b7d-4c1e-9a55-0d2f7e8b4c11");
            case SITE_UP -> new SiteUp(SITE_A, "obs-b", "zone-b", Instant.parse("2026-03-14T11:30:00Z"), DISASTER,
                    1210, List.of(), Duration.ofSeconds(30), "3f6c2a9e-1b7d-4c1e-9a55-0d2f7e8b4c11");
            case FAILOVER_DECIDED -> new FailoverDecided(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.QUORUM, DECIDED,
                    DISASTER, List.of(
                            new QuorumVote("obs-b", 1042, Instant.parse("2026-03-14T10:00:08.400Z"),
                                    Instant.parse("2026-03-14T10:00:08.431Z"), DISASTER, "site-b",
                                    Instant.parse("2026-03-14T10:00:08.402Z")),
                            new QuorumVote("obs-c", 877, Instant.parse("2026-03-14T10:00:09.800Z"),
                                    Instant.parse("2026-03-14T10:00:09.861Z"), Instant.parse("2026-03-14T10:00:04Z"),
                                    "witness", Instant.parse("2026-03-14T10:00:09.805Z"))),
                    BACKUP, Duration.between(BACKUP_START, DISASTER), Duration.ofMinutes(15), false, null, null);
            case FAILOVER_AWAITING_APPROVAL -> new FailoverAwaitingApproval(FAILOVER_ID, 4, SITE_A, SITE_B,
                    Trigger.MANUAL, "site site-a is in MANUAL mode", "alice", BACKUP,
                    Duration.between(BACKUP_START, DISASTER), Duration.ofMinutes(15),
                    Instant.parse("2026-03-14T10:15:09Z"), ApprovalTimeoutAction.ABORT);
            case FAILOVER_APPROVED -> new FailoverApproved(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.MANUAL, "bob",
                    Instant.parse("2026-03-14T10:02:12Z"), false, "alice", "site A datacenter confirmed flooded");
            case FAILOVER_STEP -> new FailoverStep(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.QUORUM,
                    FailoverPhase.RESTORE, StepStatus.SUCCEEDED, Instant.parse("2026-03-14T10:00:12Z"),
                    Instant.parse("2026-03-14T10:00:41.500Z"), Duration.ofMillis(29_500),
                    "Velero restore pra-" + FAILOVER_ID + " Completed, 1342 items", List.of());
            case FAILOVER_COMPLETED -> new FailoverCompleted(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.QUORUM,
                    DISASTER, DECIDED, Instant.parse("2026-03-14T10:00:58Z"), BACKUP, phaseDurations(),
                    Duration.between(DISASTER, Instant.parse("2026-03-14T10:00:58Z")),
                    Duration.between(BACKUP_START, DISASTER), Duration.ofHours(2), Duration.ofMinutes(15));
            case FAILOVER_FAILED -> new FailoverFailed(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.QUORUM,
                    FailoverPhase.RESTORE, Instant.parse("2026-03-14T10:05:12Z"),
                    "restore PartiallyFailed: 3 errors, policy rejects partial restores",
                    List.of("error restoring persistentvolumeclaims/shop-db/data-0: storageclass fast not found"),
                    phaseDurations().subList(0, 2));
            case FAILOVER_ABORTED -> new FailoverAborted(FAILOVER_ID, 4, SITE_A, SITE_B, Trigger.MANUAL, null,
                    Instant.parse("2026-03-14T10:15:09Z"), "system", "approval timed out; policy aborts", List.of());
            case FAILOVER_QUORUM_INCOMPLETE -> new FailoverQuorumIncomplete(SITE_A, SITE_B,
                    Instant.parse("2026-03-14T10:00:09.900Z"), 2, 2, List.of(
                            new QuorumVote("obs-b", 1042, Instant.parse("2026-03-14T10:00:08.400Z"),
                                    Instant.parse("2026-03-14T10:00:08.431Z"), DISASTER, "site-b",
                                    Instant.parse("2026-03-14T10:00:08.402Z")),
                            new QuorumVote("obs-b2", 311, Instant.parse("2026-03-14T10:00:09.800Z"),
                                    Instant.parse("2026-03-14T10:00:09.861Z"), DISASTER, "site-b",
                                    Instant.parse("2026-03-14T10:00:09.805Z"))), List.of("site-b"));
            case DRILL_STARTED -> new DrillStarted(DRILL_ID, 3, SITE_A, SITE_B, "scheduler", true,
                    Instant.parse("2026-03-01T02:00:00Z"), BACKUP,
                    Map.of("shop", "drill-shop", "shop-db", "drill-shop-db"), Duration.ofHours(2),
                    Duration.ofMinutes(15));
            case DRILL_COMPLETED -> new DrillCompleted(DRILL_ID, 3, SITE_A, SITE_B,
                    Instant.parse("2026-03-01T02:00:00Z"), Instant.parse("2026-03-01T02:00:47Z"), BACKUP,
                    phaseDurations().subList(1, 3), Duration.ofSeconds(47), Duration.ofMinutes(3),
                    Duration.ofHours(2), Duration.ofMinutes(15), DrillVerdict.PASSED, 100, List.of(), true, null);
        };
    }

    private static List<PhaseDuration> phaseDurations() {
        return List.of(
                phase(FailoverPhase.FENCE_SOURCE, "2026-03-14T10:00:10Z", "2026-03-14T10:00:12Z"),
                phase(FailoverPhase.RESTORE, "2026-03-14T10:00:12Z", "2026-03-14T10:00:41.500Z"),
                phase(FailoverPhase.VERIFY, "2026-03-14T10:00:41.500Z", "2026-03-14T10:00:55Z"),
                phase(FailoverPhase.CUTOVER, "2026-03-14T10:00:55Z", "2026-03-14T10:00:58Z"));
    }

    private static PhaseDuration phase(FailoverPhase phase, String start, String end) {
        Instant started = Instant.parse(start);
        Instant ended = Instant.parse(end);
        return new PhaseDuration(phase, started, ended, Duration.between(started, ended));
    }
}
