package io.pra.failover.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.Trigger;

/**
 * A failover run, the one shape of it that the service works with: what was decided (fixed at decision time:
 * epoch, sites, trigger, votes, backup, expected loss, approval terms) and its state machine: approval (when
 * required), then the phases FENCE_SOURCE → RESTORE → VERIFY → CUTOVER in order, ending COMPLETED, FAILED or
 * ABORTED. Every phase keeps its start, end and outcome. Refused transitions throw {@link RunTransitionRefused}.
 * The database row and the API view are mapped from it, each by one mapper.
 */
public final class FailoverRun {

    /** The phases an executor carries out, in order. */
    public static final List<FailoverPhase> EXECUTION_ORDER = List.of(
            FailoverPhase.FENCE_SOURCE, FailoverPhase.RESTORE, FailoverPhase.VERIFY, FailoverPhase.CUTOVER);

    private static final Set<FailoverPhase> TERMINAL =
            EnumSet.of(FailoverPhase.COMPLETED, FailoverPhase.FAILED, FailoverPhase.ABORTED);

    /**
     * Why and until when a run waits for an operator, fixed at decision time.
     *
     * @param reason    why the run needs approval (MANUAL mode, manual request, loss over budget)
     * @param deadline  when the timeout policy applies
     * @param onTimeout what the deadline does to a run still waiting
     */
    public record ApprovalTerms(String reason, Instant deadline, ApprovalTimeoutAction onTimeout) {

        public ApprovalTerms {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(deadline, "deadline");
            Objects.requireNonNull(onTimeout, "onTimeout");
        }
    }

    private final FailoverDecided decision;
    private final ApprovalTerms approval;
    private String approvedBy;
    private Instant approvedAt;
    private final List<PhaseRecord> phases;
    private FailoverPhase outcome;
    private Instant endedAt;
    private String endReason;
    private Instant cleanedUpAt;
    private String cleanupDetail;

    /** Rebuilds a run from its recorded state (e.g. read back from the database). */
    public FailoverRun(FailoverDecided decision, ApprovalTerms approval, String approvedBy, Instant approvedAt,
            List<PhaseRecord> phases, FailoverPhase outcome, Instant endedAt, String endReason) {
        this.decision = Objects.requireNonNull(decision, "decision");
        if (decision.approvalRequired() != (approval != null)) {
            throw new IllegalArgumentException("run " + decision.failoverId() + ": approval terms are given if and "
                    + "only if the run requires approval");
        }
        if (decision.trigger() == Trigger.MANUAL && (decision.requestedBy() == null
                || decision.requestedBy().isBlank())) {
            throw new IllegalArgumentException("a manual run needs its requester");
        }
        if (outcome != null && !TERMINAL.contains(outcome)) {
            throw new IllegalArgumentException("outcome must be COMPLETED, FAILED or ABORTED, got " + outcome);
        }
        this.approval = approval;
        this.approvedBy = approvedBy;
        this.approvedAt = approvedAt;
        this.phases = new ArrayList<>(phases);
        this.outcome = outcome;
        this.endedAt = endedAt;
        this.endReason = endReason;
    }

    /** Rebuilds a run that may have been cleaned up after it ended. */
    public FailoverRun(FailoverDecided decision, ApprovalTerms approval, String approvedBy, Instant approvedAt,
            List<PhaseRecord> phases, FailoverPhase outcome, Instant endedAt, String endReason, Instant cleanedUpAt,
            String cleanupDetail) {
        this(decision, approval, approvedBy, approvedAt, phases, outcome, endedAt, endReason);
        this.cleanedUpAt = cleanedUpAt;
        this.cleanupDetail = cleanupDetail;
    }

    /** A freshly decided run, before any phase; {@code approval} is null when it needs none. */
    public static FailoverRun decided(FailoverDecided decision, ApprovalTerms approval) {
        return new FailoverRun(decision, approval, null, null, List.of(), null, null, null);
    }

    /** Approves a run waiting for approval; the requester of a manual run may not approve it. */
    public void approve(String operator, Instant now) {
        Objects.requireNonNull(operator, "operator");
        if (!isAwaitingApproval()) {
            throw new RunTransitionRefused("run " + failoverId() + " is not waiting for approval");
        }
        if (decision.trigger() == Trigger.MANUAL && operator.equals(decision.requestedBy())) {
            throw new RunTransitionRefused("the requester of a manual failover cannot approve it: " + operator);
        }
        approvedBy = operator;
        approvedAt = now;
    }

    /** Starts the next phase; {@code phase} must be it. */
    public void begin(FailoverPhase phase, Instant now, String executor) {
        Optional<FailoverPhase> next = nextPhase();
        if (next.isEmpty() || next.get() != phase) {
            throw new RunTransitionRefused("run " + failoverId() + " cannot begin " + phase + " now ("
                    + describe() + ")");
        }
        phases.add(PhaseRecord.started(phase, now, executor));
    }

    /**
     * Ends the running phase with {@code verdict}: a failure fails the run, the successful end of CUTOVER
     * completes it.
     */
    public void finish(FailoverPhase phase, StepVerdict verdict, Instant now, String executor) {
        requireNotOver("finish " + phase);
        PhaseRecord open = openPhase().filter(record -> record.phase() == phase).orElseThrow(
                () -> new RunTransitionRefused("run " + failoverId() + " is not in " + phase + " (" + describe()
                        + ")"));
        phases.set(phases.size() - 1, open.ended(now, verdict, executor));
        if (verdict.isFailure()) {
            end(FailoverPhase.FAILED, now, verdict.detail());
        } else if (phase == FailoverPhase.CUTOVER) {
            end(FailoverPhase.COMPLETED, now, null);
        }
    }

    /** Ends the run as ABORTED, failing the running phase; refused once CUTOVER has begun (traffic may move). */
    public void abort(String operator, String reason, Instant now) {
        requireNotOver("abort");
        if (hasBegun(FailoverPhase.CUTOVER)) {
            throw new RunTransitionRefused("run " + failoverId() + " cannot be aborted: CUTOVER has begun");
        }
        openPhase().ifPresent(open -> phases.set(phases.size() - 1,
                open.ended(now, StepVerdict.failed("aborted by " + operator + ": " + reason), open.executor())));
        end(FailoverPhase.ABORTED, now, reason);
    }

    /**
     * True when the run ended FAILED or ABORTED after RESTORE began and was not cleaned up yet: its Restore on the
     * target must go, and what it restored must be marked for an operator to remove.
     */
    public boolean needsCleanup() {
        return (outcome == FailoverPhase.FAILED || outcome == FailoverPhase.ABORTED)
                && hasBegun(FailoverPhase.RESTORE) && cleanedUpAt == null;
    }

    /** Records the clean-up of a run that needed it. */
    public void cleanedUp(String detail, Instant now) {
        if (!needsCleanup()) {
            throw new RunTransitionRefused("run " + failoverId() + " needs no clean-up (" + describe() + ")");
        }
        cleanedUpAt = now;
        cleanupDetail = detail;
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
        return approval != null && approvedBy == null && !isOver();
    }

    public boolean isOver() {
        return outcome != null;
    }

    public boolean hasBegun(FailoverPhase phase) {
        return phases.stream().anyMatch(record -> record.phase() == phase);
    }

    /** The recorded phase, if the run began it. */
    public Optional<PhaseRecord> phase(FailoverPhase phase) {
        return phases.stream().filter(record -> record.phase() == phase).findFirst();
    }

    private void requireNotOver(String action) {
        if (isOver()) {
            throw new RunTransitionRefused("run " + failoverId() + " cannot " + action + ": it is " + outcome
                    + (endReason == null ? "" : " (" + endReason + ")"));
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

    /** What was decided, as {@code pra.failover.decided} published it. */
    public FailoverDecided decision() {
        return decision;
    }

    public UUID failoverId() {
        return decision.failoverId();
    }

    public long epoch() {
        return decision.epoch();
    }

    public String sourceSite() {
        return decision.sourceSite();
    }

    public String targetSite() {
        return decision.targetSite();
    }

    public Trigger trigger() {
        return decision.trigger();
    }

    /** Why and until when the run waits for approval; empty when it needs none. */
    public Optional<ApprovalTerms> approval() {
        return Optional.ofNullable(approval);
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

    /** When the executor cleaned up after the run failed or was aborted; null until then. */
    public Instant cleanedUpAt() {
        return cleanedUpAt;
    }

    public String cleanupDetail() {
        return cleanupDetail;
    }
}
