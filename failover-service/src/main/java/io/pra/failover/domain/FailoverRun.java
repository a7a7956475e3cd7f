package io.pra.failover.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.Trigger;

/**
 * A failover run and its state machine: approval (when required), then the phases
 * FENCE_SOURCE → RESTORE → VERIFY → CUTOVER in order, ending COMPLETED, FAILED or ABORTED.
 * Every phase keeps its start and end. Refused transitions throw {@link RunTransitionRefused}.
 */
public final class FailoverRun {

    /** The phases an executor carries out, in order. */
    public static final List<FailoverPhase> EXECUTION_ORDER = List.of(
            FailoverPhase.FENCE_SOURCE, FailoverPhase.RESTORE, FailoverPhase.VERIFY, FailoverPhase.CUTOVER);

    private static final Set<FailoverPhase> TERMINAL =
            EnumSet.of(FailoverPhase.COMPLETED, FailoverPhase.FAILED, FailoverPhase.ABORTED);

    private final RunIdentity identity;
    private final boolean approvalRequired;
    private String approvedBy;
    private Instant approvedAt;
    private final List<PhaseRecord> phases;
    private FailoverPhase outcome;
    private Instant endedAt;
    private String endReason;

    /** Rebuilds a run from its recorded state (e.g. read back from the database). */
    public FailoverRun(RunIdentity identity, boolean approvalRequired, String approvedBy, Instant approvedAt,
            List<PhaseRecord> phases, FailoverPhase outcome, Instant endedAt, String endReason) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.approvalRequired = approvalRequired;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.phases = new ArrayList<>(phases);
        if (outcome != null && !TERMINAL.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be COMPLETED, FAILED or ABORTED, got " + outcome);
        }
        this.outcome = outcome;
        this.endedAt = endedAt;
        this.endReason = endReason;
    }

    /** A freshly decided run, before any phase. */
    public static FailoverRun decided(RunIdentity identity, boolean approvalRequired) {
        return new FailoverRun(identity, approvalRequired, null, null, List.of(), null, null, null);
    }

    /** Approves a run waiting for approval; the requester of a manual run may not approve it. */
    public void approve(String operator, Instant now) {
        Objects.requireNonNull(operator, "operator");
        if (!isAwaitingApproval()) {
            throw new RunTransitionRefused("run " + identity.failoverId() + " is not waiting for approval");
        }
        if (identity.trigger() == Trigger.MANUAL && operator.equals(identity.requestedBy())) {
            throw new RunTransitionRefused("the requester of a manual failover cannot approve it: " + operator);
        }
        approvedBy = operator;
        approvedAt = now;
    }

    /** Starts the next phase; {@code phase} must be it. */
    public void begin(FailoverPhase phase, Instant now) {
        Optional<FailoverPhase> next = nextPhase();
        if (next.isEmpty() || next.get() != phase) {
            throw new RunTransitionRefused("run " + identity.failoverId() + " cannot begin " + phase + " now ("
                    + describe() + ")");
        }
        phases.add(new PhaseRecord(phase, now, null));
    }

    /** Ends the running phase successfully; ending CUTOVER completes the run. */
    public void finish(FailoverPhase phase, Instant now) {
        PhaseRecord open = openPhase().filter(record -> record.phase() == phase).orElseThrow(
                () -> new RunTransitionRefused("run " + identity.failoverId() + " is not in " + phase
                        + " (" + describe() + ")"));
        phases.set(phases.size() - 1, open.endedAt(now));
        if (phase == FailoverPhase.CUTOVER) {
            end(FailoverPhase.COMPLETED, now, null);
        }
    }

    /** Ends the run as FAILED, closing the running phase. */
    public void fail(String reason, Instant now) {
        requireNotOver("fail");
        closeOpenPhase(now);
        end(FailoverPhase.FAILED, now, reason);
    }

    /** Ends the run as ABORTED; refused once CUTOVER has begun, since traffic may already move. */
    public void abort(String reason, Instant now) {
        requireNotOver("abort");
        if (hasBegun(FailoverPhase.CUTOVER)) {
            throw new RunTransitionRefused("run " + identity.failoverId() + " cannot be aborted: CUTOVER has begun");
        }
        closeOpenPhase(now);
        end(FailoverPhase.ABORTED, now, reason);
    }

    /** The phase the executor should begin next, if any (none while waiting, running a phase, or over). */
    public Optional<FailoverPhase> nextPhase() {
        if (isOver() || isAwaitingApproval() || openPhase().isPresent()) {
            return Optional.empty();
        }
        return EXECUTION_ORDER.stream().filter(phase -> !hasBegun(phase)).findFirst();
    }

    /** The phase being carried out, if one is. */
    public Optional<PhaseRecord> openPhase() {
        if (phases.isEmpty() || !phases.get(phases.size() - 1).isOpen()) {
            return Optional.empty();
        }
        return Optional.of(phases.get(phases.size() - 1));
    }

    /** Where the run stands: its outcome once over, else the running or last begun phase, else null. */
    public FailoverPhase currentPhase() {
        if (outcome != null) {
            return outcome;
        }
        return phases.isEmpty() ? null : phases.get(phases.size() - 1).phase();
    }

    public boolean isAwaitingApproval() {
        return approvalRequired && approvedBy == null && !isOver();
    }

    public boolean isOver() {
        return outcome != null;
    }

    public boolean hasBegun(FailoverPhase phase) {
        return phases.stream().anyMatch(record -> record.phase() == phase);
    }

    private void closeOpenPhase(Instant now) {
        openPhase().ifPresent(record -> phases.set(phases.size() - 1, record.endedAt(now)));
    }

    private void requireNotOver(String action) {
        if (isOver()) {
            throw new RunTransitionRefused("run " + identity.failoverId() + " cannot " + action + ": it is " + outcome);
        }
    }

    private void end(FailoverPhase terminal, Instant now, String reason) {
        outcome = terminal;
        endedAt = now;
        endReason = reason;
    }

    private String describe() {
        if (isAwaitingApproval()) {
            return "waiting for approval";
        }
        FailoverPhase current = currentPhase();
        return current == null ? "not started" : "at " + current;
    }

    public RunIdentity identity() {
        return identity;
    }

    public UUID failoverId() {
        return identity.failoverId();
    }

    public boolean approvalRequired() {
        return approvalRequired;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public Instant approvedAt() {
        return approvedAt;
    }

    public List<PhaseRecord> phases() {
        return List.copyOf(phases);
    }

    public FailoverPhase outcome() {
        return outcome;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endReason() {
        return endReason;
    }
}
