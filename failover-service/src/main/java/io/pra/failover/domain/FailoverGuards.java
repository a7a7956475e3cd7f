package io.pra.failover.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.pra.events.failover.Trigger;
import io.pra.failover.domain.GuardVerdict.Guard;

/**
 * The rules a failover must pass before it is decided (DESIGN section 5, point 2).
 * A manual failover always waits for a second operator: the four-eyes rule of the approval
 * policy, whatever the mode.
 *
 * @param mode           the site's mode
 * @param cooldown       minimum time between the end of a completed failover and the next decision; an
 *                       automatic decision also waits this long after a failed or aborted run
 * @param dataLossBudget the expected loss above which an operator must approve
 */
public record FailoverGuards(SiteMode mode, Duration cooldown, Duration dataLossBudget) {

    public FailoverGuards {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(cooldown, "cooldown");
        Objects.requireNonNull(dataLossBudget, "dataLossBudget");
    }

    /** Refuses or decides, in a fixed order so the reason given is the most fundamental one. */
    public GuardVerdict evaluate(DecisionRequest request) {
        if (request.trigger() == Trigger.DRILL) {
            return new GuardVerdict.Refused(Guard.NOT_A_FAILOVER, "a drill is not a failover");
        }
        if (mode == SiteMode.OFF) {
            return new GuardVerdict.Refused(Guard.MODE_OFF, "site mode is OFF");
        }
        if (request.activeRun()) {
            return new GuardVerdict.Refused(Guard.ACTIVE_RUN, "the site already has an active run");
        }
        // After a completed failover nobody fails over again before the cooldown. After a failed or aborted run
        // only the automatic path waits (so a failing restore is not retried in a loop); an operator may try again.
        Instant cooldownFrom = request.trigger() == Trigger.QUORUM ? request.lastEndedAt() : request.lastCompletedAt();
        if (cooldownFrom != null) {
            Instant cooldownEnds = cooldownFrom.plus(cooldown);
            if (request.now().isBefore(cooldownEnds)) {
                return new GuardVerdict.Refused(Guard.COOLDOWN, "cooldown until " + cooldownEnds);
            }
        }
        if (request.chosenBackup().isEmpty()) {
            return new GuardVerdict.Refused(Guard.NO_RESTORABLE_BACKUP,
                    "no completed backup is visible on the target site");
        }
        BackupCandidate backup = request.chosenBackup().get();
        Duration loss = DataLoss.expected(request.disasterStart(), backup.startedAt());
        List<String> approvalReasons = new ArrayList<>();
        if (mode == SiteMode.MANUAL) {
            approvalReasons.add("site mode is MANUAL");
        }
        if (request.trigger() == Trigger.MANUAL) {
            approvalReasons.add("a manual failover needs a second operator");
        }
        if (DataLoss.exceeds(loss, dataLossBudget)) {
            approvalReasons.add("expected data loss " + loss + " exceeds the budget " + dataLossBudget);
        }
        return new GuardVerdict.Decided(backup, loss, approvalReasons);
    }
}
