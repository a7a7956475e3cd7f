package io.pra.cli.drill;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.pra.cli.scenario.DurationText;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverStep;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/**
 * Turns events into one readable terminal line each. An observer's heartbeats (the same {@code pra.site.down} or
 * {@code pra.site.up} re-sent every round) are shown once: a down per episode, an up when it ends one.
 */
final class EventNarrator {

    private final Progress progress;
    private final Set<String> votingObservers = new HashSet<>();
    private volatile Instant siteLostAt;

    EventNarrator(Progress progress) {
        this.progress = progress;
    }

    /** The instant the drill took site A down, for "decided N s after site loss". */
    void siteLost(Instant at) {
        if (siteLostAt == null) {
            siteLostAt = at;
        }
    }

    Instant siteLostAt() {
        return siteLostAt;
    }

    void deadLetter(String topic, String key) {
        progress.line("DLQ       a record went to " + topic + " (key " + key + ")");
    }

    synchronized void narrate(ObservedEvent observed) {
        String text = describe(observed);
        if (text != null) {
            progress.line(text);
        }
    }

    private String describe(ObservedEvent observed) {
        Object e = observed.event();
        if (e instanceof BackupCompleted b) {
            return "BACKUP    " + b.backupName() + " completed on site " + b.site() + " (" + b.itemsBackedUp()
                    + " items, group " + b.protectionGroup() + ")";
        } else if (e instanceof BackupOffsiteVerified b) {
            return "BACKUP    " + b.backupName() + " verified off-site: visible on site " + b.peerSite();
        } else if (e instanceof BackupFailed b) {
            return "BACKUP    " + b.backupName() + " FAILED on site " + b.site() + ": " + b.failureReason();
        } else if (e instanceof SiteDown d) {
            if (!votingObservers.add(d.observerId())) {
                return null;
            }
            String checks = d.failingChecks().stream().map(c -> c.checkId()).collect(Collectors.joining(", "));
            return "VOTE      " + d.observerId() + " (" + d.failureDomain() + ") votes site " + d.site()
                    + " DOWN" + sinceLoss(observed.receivedAt()) + ", failing: " + checks;
        } else if (e instanceof SiteUp u) {
            // Observers heartbeat up votes too: only the one that ends this observer's down votes is news.
            if (!votingObservers.remove(u.observerId())) {
                return null;
            }
            return "VOTE      " + u.observerId() + " sees site " + u.site() + " UP again";
        } else if (e instanceof HealthDegraded h) {
            return "HEALTH    " + h.observerId() + ": check " + h.checkId() + " of site " + h.site() + " degraded ("
                    + h.severity() + ")";
        } else if (e instanceof HealthRecovered h) {
            return "HEALTH    " + h.observerId() + ": check " + h.checkId() + " of site " + h.site() + " recovered";
        } else if (e instanceof FailoverDecided f) {
            String votes = f.votes().stream().map(v -> v.observerId()).collect(Collectors.joining(", "));
            return "DECISION  failover " + shortId(f.failoverId()) + " decided (" + f.trigger() + ", epoch "
                    + f.epoch() + ")" + sinceLoss(observed.receivedAt()) + "; quorum " + votes + "; backup "
                    + (f.chosenBackup() == null ? "none" : f.chosenBackup().backupName()) + ", expected data loss "
                    + (f.expectedDataLoss() == null ? "?" : DurationText.format(f.expectedDataLoss()))
                    + (f.approvalRequired() ? "; WAITS FOR APPROVAL" : "");
        } else if (e instanceof FailoverAwaitingApproval f) {
            return "APPROVAL  failover " + shortId(f.failoverId()) + " waits for an operator: " + f.reason();
        } else if (e instanceof FailoverApproved f) {
            return "APPROVAL  failover " + shortId(f.failoverId()) + " approved by " + f.approvedBy()
                    + (f.byTimeout() ? " (timeout policy)" : "");
        } else if (e instanceof FailoverStep s) {
            return "PHASE     " + String.format("%-12s %-9s", s.phase(), s.status())
                    + (s.duration() == null ? "" : " in " + DurationText.format(s.duration()))
                    + sinceLoss(observed.receivedAt()) + (s.outcome() == null ? "" : " — " + s.outcome());
        } else if (e instanceof FailoverCompleted c) {
            return "COMPLETED failover " + shortId(c.failoverId()) + ": RTO " + DurationText.format(c.rtoAchieved())
                    + ", RPO " + DurationText.format(c.rpoAchieved());
        } else if (e instanceof FailoverFailed f) {
            return "FAILED    failover " + shortId(f.failoverId()) + " in " + f.phase() + ": " + f.failureReason();
        } else if (e instanceof FailoverAborted a) {
            return "ABORTED   failover " + shortId(a.failoverId()) + " by " + a.abortedBy() + ": " + a.reason();
        } else if (e instanceof DrillStarted d) {
            return "DR DRILL  " + shortId(d.failoverId()) + " started on site " + d.targetSite();
        } else if (e instanceof DrillCompleted d) {
            return "DR DRILL  " + shortId(d.failoverId()) + " " + d.verdict() + " (score " + d.score() + ", RTO "
                    + DurationText.format(d.rtoAchieved()) + ")";
        }
        return null;
    }

    private String sinceLoss(Instant at) {
        Instant lost = siteLostAt;
        if (lost == null || at.isBefore(lost)) {
            return "";
        }
        return " [site loss +" + DurationText.format(Duration.between(lost, at)) + "]";
    }

    static String shortId(Object id) {
        String text = String.valueOf(id);
        return text.length() > 8 ? text.substring(0, 8) : text;
    }
}
