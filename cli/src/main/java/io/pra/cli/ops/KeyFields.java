package io.pra.cli.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pra.events.PraEvent;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverRunEvent;
import io.pra.events.failover.FailoverStep;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;

/** The fields of an event worth showing: in the drill report's timeline and in {@code pra events}. */
public final class KeyFields {

    private KeyFields() {
    }

    public static Map<String, Object> of(PraEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event == null) {
            return fields;
        }
        fields.put("site", event.site());
        if (event instanceof FailoverRunEvent run) {
            fields.put("failoverId", run.failoverId().toString());
            fields.put("epoch", run.epoch());
        }
        if (event instanceof BackupCompleted e) {
            fields.put("backup", e.backupName());
            fields.put("group", e.protectionGroup());
            fields.put("items", e.itemsBackedUp());
        } else if (event instanceof BackupFailed e) {
            fields.put("backup", e.backupName());
        } else if (event instanceof BackupOffsiteVerified e) {
            fields.put("backup", e.backupName());
            fields.put("peerSite", e.peerSite());
        } else if (event instanceof SiteDown e) {
            fields.put("observer", e.observerId());
            fields.put("sequence", e.sequence());
            fields.put("firstFailedAt", String.valueOf(e.firstFailedAt()));
        } else if (event instanceof SiteUp e) {
            fields.put("observer", e.observerId());
        } else if (event instanceof HealthDegraded e) {
            fields.put("observer", e.observerId());
            fields.put("check", e.checkId());
            fields.put("severity", String.valueOf(e.severity()));
        } else if (event instanceof HealthRecovered e) {
            fields.put("observer", e.observerId());
        } else if (event instanceof FailoverDecided e) {
            fields.put("trigger", String.valueOf(e.trigger()));
            fields.put("votes", e.votes().stream().map(v -> v.observerId()).toList());
            fields.put("backup", e.chosenBackup() == null ? null : e.chosenBackup().backupName());
            fields.put("expectedDataLoss", String.valueOf(e.expectedDataLoss()));
            fields.put("approvalRequired", e.approvalRequired());
        } else if (event instanceof FailoverStep e) {
            fields.put("phase", String.valueOf(e.phase()));
            fields.put("status", String.valueOf(e.status()));
            fields.put("duration", String.valueOf(e.duration()));
        } else if (event instanceof FailoverCompleted e) {
            fields.put("rto", String.valueOf(e.rtoAchieved()));
            fields.put("rpo", String.valueOf(e.rpoAchieved()));
        } else if (event instanceof FailoverFailed e) {
            fields.put("phase", String.valueOf(e.phase()));
            fields.put("reason", e.failureReason());
        } else if (event instanceof FailoverAwaitingApproval e) {
            fields.put("reason", e.reason());
        } else if (event instanceof DrillCompleted e) {
            fields.put("verdict", String.valueOf(e.verdict()));
            fields.put("rto", String.valueOf(e.rtoAchieved()));
        }
        return fields;
    }
}
