package io.pra.failover.persistence;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.pra.events.EventJson;
import io.pra.events.failover.BackupRef;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.QuorumVote;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;

/** The one mapper between a {@link FailoverRun} and its rows ({@code failover_run}, {@code failover_phase}). */
final class RunEntities {

    private static final TypeReference<List<QuorumVote>> VOTES = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> ERRORS = new TypeReference<>() {
    };

    private RunEntities() {
    }

    /** The run rebuilt from its row and its phase rows. */
    static FailoverRun toDomain(RunEntity row, List<PhaseEntity> phaseRows) {
        FailoverDecided decision = new FailoverDecided(row.failoverId, row.epoch, row.siteId, row.targetSite,
                row.trigger, row.decidedAt, row.disasterStartedAt, read(row.quorumVotes, VOTES, row),
                new BackupRef(row.backupName, row.backupLocation, row.backupStartedAt, row.backupCompletedAt),
                row.expectedDataLoss, row.dataLossBudget, row.approvalRequired, row.requestedBy, row.reason);
        FailoverRun.ApprovalTerms approval = row.approvalRequired
                ? new FailoverRun.ApprovalTerms(row.approvalReason, row.approvalDeadline, row.onTimeout)
                : null;
        List<PhaseRecord> phases = phaseRows.stream()
                .map(phase -> new PhaseRecord(phase.phase, phase.startedAt, phase.endedAt, phase.status,
                        phase.detail, read(phase.errors, ERRORS, row), phase.executor))
                .toList();
        return new FailoverRun(decision, approval, row.approvedBy, row.approvedAt, phases, row.outcome, row.endedAt,
                row.endReason, row.cleanedUpAt, row.cleanupDetail);
    }

    /** A new row for a freshly decided run. */
    static RunEntity newRow(FailoverRun run) {
        FailoverDecided decision = run.decision();
        RunEntity row = new RunEntity();
        row.failoverId = decision.failoverId();
        row.siteId = decision.sourceSite();
        row.targetSite = decision.targetSite();
        row.epoch = decision.epoch();
        row.trigger = decision.trigger();
        row.requestedBy = decision.requestedBy();
        row.reason = decision.reason();
        row.decidedAt = decision.decidedAt();
        row.disasterStartedAt = decision.disasterStartedAt();
        row.quorumVotes = json(decision.votes());
        row.backupName = decision.chosenBackup().backupName();
        row.backupLocation = decision.chosenBackup().storageLocation();
        row.backupStartedAt = decision.chosenBackup().startedAt();
        row.backupCompletedAt = decision.chosenBackup().completedAt();
        row.expectedDataLoss = decision.expectedDataLoss();
        row.dataLossBudget = decision.dataLossBudget();
        row.approvalRequired = decision.approvalRequired();
        run.approval().ifPresent(terms -> {
            row.approvalReason = terms.reason();
            row.approvalDeadline = terms.deadline();
            row.onTimeout = terms.onTimeout();
        });
        copyState(run, row);
        return row;
    }

    /** Copies what changes after the decision (approval, outcome, clean-up) into the run's row. */
    static void copyState(FailoverRun run, RunEntity row) {
        row.approvedBy = run.approvedBy();
        row.approvedAt = run.approvedAt();
        row.outcome = run.outcome();
        row.endedAt = run.endedAt();
        row.endReason = run.endReason();
        row.cleanedUpAt = run.cleanedUpAt();
        row.cleanupDetail = run.cleanupDetail();
    }

    /** Copies a recorded phase into its row. */
    static void copyPhase(FailoverRun run, PhaseRecord phase, PhaseEntity row) {
        row.failoverId = run.failoverId();
        row.phase = phase.phase();
        row.startedAt = phase.startedAt();
        row.endedAt = phase.endedAt();
        row.status = phase.status();
        row.detail = phase.detail();
        row.errors = json(phase.errors());
        row.executor = phase.executor();
    }

    private static <T> T read(String json, TypeReference<T> type, RunEntity row) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new IllegalStateException("run " + row.failoverId + " has an unreadable JSON column", e);
        }
    }

    private static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
