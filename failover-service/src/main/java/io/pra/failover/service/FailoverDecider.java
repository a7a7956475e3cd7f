package io.pra.failover.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.QuorumVote;
import io.pra.events.failover.Trigger;
import io.pra.failover.config.FailoverConfig;
import io.pra.failover.domain.ApprovalPolicy;
import io.pra.failover.domain.BackupCandidate;
import io.pra.failover.domain.DecisionRequest;
import io.pra.failover.domain.FailoverGuards;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.GuardVerdict;
import io.pra.failover.domain.Quorum;
import io.pra.failover.domain.QuorumPolicy;
import io.pra.failover.domain.RunEvents;
import io.pra.failover.persistence.AuditRepository;
import io.pra.failover.persistence.BackupSeenRepository;
import io.pra.failover.persistence.RunRepository;
import io.pra.failover.persistence.RunStore;
import io.pra.failover.persistence.SiteEntity;
import io.pra.kit.outbox.Outbox;

/**
 * Decides a failover of a locked site (DESIGN section 5, point 2): guards, new epoch, chosen
 * backup, expected loss, the run, its audit line and its {@code pra.failover.decided} event, all in
 * the caller's transaction.
 */
@ApplicationScoped
public class FailoverDecider {

    /** Audit actor of decisions a quorum of observers made. */
    public static final String QUORUM_ACTOR = "quorum";

    private static final Logger LOG = Logger.getLogger(FailoverDecider.class);

    private final FailoverConfig config;
    private final ApprovalPolicy approval;
    private final QuorumPolicy policy;
    private final Clock clock;
    private final RunRepository runRows;
    private final RunStore runs;
    private final BackupSeenRepository backups;
    private final AuditRepository audit;
    private final Outbox outbox;

    FailoverDecider(FailoverConfig config, ApprovalPolicy approval, QuorumPolicy policy, Clock clock,
            RunRepository runRows, RunStore runs, BackupSeenRepository backups, AuditRepository audit, Outbox outbox) {
        this.config = config;
        this.approval = approval;
        this.policy = policy;
        this.clock = clock;
        this.runRows = runRows;
        this.runs = runs;
        this.backups = backups;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** Decides a run on a quorum of down votes, unless a guard refuses; {@code site} must be locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FailoverDecided> decideOnQuorum(SiteEntity site, Quorum quorum) {
        Instant now = clock.instant();
        List<QuorumVote> votes = quorum.downVotes().stream()
                .map(vote -> vote.toQuorumVote(policy.domainOf(vote.observerId()))).toList();
        FailoverDecision decision = decide(site, Trigger.QUORUM, now, quorum.disasterStart().orElseThrow(), votes,
                null, null);
        if (decision instanceof FailoverDecision.Refused refused) {
            logRefusal(site, refused);
            return Optional.empty();
        }
        return Optional.of(((FailoverDecision.Decided) decision).run().decision());
    }

    /**
     * Decides a run an operator asked for, through the same guards; the disaster start is the
     * request time and the run always waits for a second operator. {@code site} must be locked.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public FailoverDecision decideManually(SiteEntity site, String requestedBy, String reason) {
        Instant now = clock.instant();
        FailoverDecision decision = decide(site, Trigger.MANUAL, now, now, List.of(), requestedBy, reason);
        if (decision instanceof FailoverDecision.Refused refused) {
            LOG.infof("manual failover refused: site=%s requestedBy=%s %s", site.siteId, requestedBy,
                    refused.reason());
        }
        return decision;
    }

    private FailoverDecision decide(SiteEntity site, Trigger trigger, Instant now, Instant disasterStart,
            List<QuorumVote> votes, String requestedBy, String reason) {
        Optional<BackupCandidate> backup = BackupCandidate.newestRestorable(
                backups.candidatesOn(site.siteId, config.targetSite()), now);
        DecisionRequest request = new DecisionRequest(trigger, now, disasterStart,
                runRows.hasActiveRun(site.siteId), runRows.lastCompletedAt(site.siteId).orElse(null),
                runRows.lastRunEndedAt(site.siteId).orElse(null), backup);
        GuardVerdict verdict = new FailoverGuards(site.mode, config.cooldown(), config.dataLossBudget())
                .evaluate(request);
        if (verdict instanceof GuardVerdict.Refused refused) {
            return new FailoverDecision.Refused(refused.guard(), refused.reason());
        }
        GuardVerdict.Decided decided = (GuardVerdict.Decided) verdict;
        site.epoch += 1;
        site.updatedAt = now;
        FailoverDecided event = new FailoverDecided(UUID.randomUUID(), site.epoch, site.siteId, config.targetSite(),
                trigger, now, disasterStart, votes, backupRef(decided.backup()), decided.expectedDataLoss(),
                config.dataLossBudget(), decided.approvalRequired(), requestedBy, reason);
        FailoverRun run = FailoverRun.decided(event, decided.approvalRequired()
                ? approval.terms(String.join("; ", decided.approvalReasons()), now) : null);
        runs.create(run);
        audit.append(now, trigger == Trigger.MANUAL ? requestedBy : QUORUM_ACTOR, "failover.decided", site.siteId,
                event.failoverId(), event.epoch(), describe(event, decided));
        outbox.write(event);
        if (decided.approvalRequired()) {
            outbox.write(RunEvents.awaitingApproval(run));
        }
        LOG.infof("failover decided: site=%s failoverId=%s epoch=%d trigger=%s backup=%s expectedDataLoss=%s "
                + "approval=%s", site.siteId, event.failoverId(), event.epoch(), trigger,
                event.chosenBackup().backupName(), event.expectedDataLoss(), decided.approvalReasons());
        return new FailoverDecision.Decided(run);
    }

    private static void logRefusal(SiteEntity site, FailoverDecision.Refused refused) {
        // Votes keep arriving as heartbeats during a run or a cooldown: those refusals are routine.
        boolean routine = refused.guard() == GuardVerdict.Guard.ACTIVE_RUN
                || refused.guard() == GuardVerdict.Guard.COOLDOWN;
        LOG.logf(routine ? Logger.Level.DEBUG : Logger.Level.WARN, "quorum reached but no failover: site=%s %s",
                site.siteId, refused.reason());
    }

    private static BackupRef backupRef(BackupCandidate backup) {
        return new BackupRef(backup.backupName(), backup.storageLocation(), backup.startedAt(), backup.completedAt());
    }

    private static String describe(FailoverDecided event, GuardVerdict.Decided decided) {
        return (event.reason() == null ? "" : "reason=" + event.reason() + " ")
                + "votes=" + event.votes().stream().map(QuorumVote::observerId).toList()
                + " backup=" + event.chosenBackup().backupName()
                + " expectedDataLoss=" + event.expectedDataLoss()
                + (decided.approvalRequired() ? " awaiting approval: " + String.join("; ", decided.approvalReasons())
                        : "");
    }
}
