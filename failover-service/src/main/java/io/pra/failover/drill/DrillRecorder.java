package io.pra.failover.drill;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.pra.events.EventJson;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.DrillVerdict;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.DrillScore;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.BackupSeenRepository;
import io.pra.failover.persistence.DrillEntity;
import io.pra.failover.persistence.DrillRepository;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.SiteEntity;
import io.pra.failover.persistence.SiteRepository;
import io.pra.kit.outbox.Outbox;

/** Records drills and publishes their events through the outbox, each change in one transaction with its event. */
@ApplicationScoped
public class DrillRecorder {

    private final FailoverConfig config;
    private final Clock clock;
    private final SiteRepository sites;
    private final RunRepository runs;
    private final BackupSeenRepository backups;
    private final DrillRepository drills;
    private final Outbox outbox;
    private final AuditRepository audit;

    DrillRecorder(FailoverConfig config, Clock clock, SiteRepository sites, RunRepository runs,
            BackupSeenRepository backups, DrillRepository drills, Outbox outbox, AuditRepository audit) {
        this.config = config;
        this.clock = clock;
        this.sites = sites;
        this.runs = runs;
        this.backups = backups;
        this.drills = drills;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Opens a drill of the site under its row lock: refused while a failover or another drill runs, or when no
     * backup is restorable on the target; publishes {@code pra.drill.started}.
     */
    @Transactional
    public DrillStarted open(String siteId, String requestedBy, boolean scheduled) {
        if (!siteId.equals(config.sourceSite())) {
            throw new DrillRefused("site " + siteId + " is not protected by this service");
        }
        SiteEntity site = sites.lock(siteId);
        Instant now = clock.instant();
        Duration bound = config.execution().restoreTimeout().plus(config.execution().verifyTimeout()).multipliedBy(2);
        drills.endAbandoned(siteId, now.minus(bound), now);
        if (runs.hasActiveRun(siteId)) {
            throw new DrillRefused("a failover of site " + siteId + " is running; drills wait for it");
        }
        if (drills.hasActiveDrill(siteId)) {
            throw new DrillRefused("a drill of site " + siteId + " is already running");
        }
        BackupCandidate backup = BackupCandidate.newestRestorable(
                backups.candidatesOn(siteId, config.targetSite()), now).orElseThrow(() -> new DrillRefused(
                        "no completed backup of site " + siteId + " is visible on site " + config.targetSite()));
        Map<String, String> mapping = DrillScore.namespaceMapping(config.execution().protectedNamespaces());
        DrillEntity drill = new DrillEntity();
        drill.drillId = UUID.randomUUID();
        drill.siteId = siteId;
        drill.targetSite = config.targetSite();
        drill.epoch = site.epoch;
        drill.requestedBy = requestedBy;
        drill.scheduled = scheduled;
        drill.startedAt = now;
        drill.backupName = backup.backupName();
        drill.backupLocation = backup.storageLocation();
        drill.backupStartedAt = backup.startedAt();
        drill.backupCompletedAt = backup.completedAt();
        drill.namespaceMapping = json(mapping);
        drills.persist(drill);
        audit.append(now, requestedBy, "drill.started", siteId, drill.drillId, drill.epoch,
                "drill into " + mapping.values() + " on site " + drill.targetSite + " from backup "
                        + backup.backupName());
        DrillStarted started = new DrillStarted(drill.drillId, drill.epoch, siteId, drill.targetSite, requestedBy,
                scheduled, now, new BackupRef(backup.backupName(), backup.storageLocation(), backup.startedAt(),
                        backup.completedAt()), mapping, config.rtoObjective(), config.rpoObjective());
        outbox.write(started);
        return started;
    }

    /** Publishes a drill's step, started or ended. */
    @Transactional
    public void step(DrillStarted drill, FailoverPhase phase, StepStatus status, Instant startedAt,
            Instant endedAt, String outcome, List<String> errors) {
        outbox.write(new FailoverStep(drill.failoverId(), drill.epoch(), drill.sourceSite(), drill.targetSite(),
                Trigger.DRILL, phase, status, startedAt, endedAt,
                endedAt == null ? null : Duration.between(startedAt, endedAt), outcome, errors));
    }

    /** True while a failover of the site runs: it pre-empts the drill. */
    @Transactional
    public Optional<UUID> activeFailover(String siteId) {
        return runs.find("siteId = ?1 and outcome is null", siteId).firstResultOptional().map(run -> run.failoverId);
    }

    /** Closes the drill with its measures and score; publishes {@code pra.drill.completed}. */
    @Transactional
    public DrillCompleted close(DrillStarted started, List<PhaseDuration> phases, Instant verifiedAt,
            String failureReason, boolean cleanedUp) {
        Instant now = clock.instant();
        Duration rto = verifiedAt == null ? null : Duration.between(started.startedAt(), verifiedAt);
        Duration rpo = Duration.between(started.chosenBackup().startedAt(), started.startedAt());
        DrillScore score = DrillScore.of(failureReason, rto, started.rtoObjective(), rpo, started.rpoObjective());
        DrillEntity drill = drills.findById(started.failoverId());
        drill.endedAt = now;
        drill.verdict = score.passed() ? DrillVerdict.PASSED : DrillVerdict.FAILED;
        drill.score = score.score();
        drill.failureReason = failureReason;
        drill.cleanedUp = cleanedUp;
        DrillCompleted completed = new DrillCompleted(started.failoverId(), started.epoch(), started.sourceSite(),
                started.targetSite(), started.startedAt(), now, started.chosenBackup(), phases, rto, rpo,
                started.rtoObjective(), started.rpoObjective(), drill.verdict, score.score(), score.findings(),
                cleanedUp, failureReason);
        outbox.write(completed);
        return completed;
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the namespace mapping as JSON", e);
        }
    }
}
