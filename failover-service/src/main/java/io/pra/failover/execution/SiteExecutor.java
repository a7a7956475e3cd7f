package io.pra.failover.execution;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict;

/**
 * The executor of one site's runs. It works only while it holds the site's {@link ExecutorLock}, and advances a
 * run one unit at a time: begin the next phase, act (make the phase's effect), then await the effect and record
 * the end. Progress lives in the database, so another executor that takes the lock after this one died resumes
 * at the recorded phase; acting again finds the effect already there.
 */
public final class SiteExecutor implements AutoCloseable {

    /** What one call to {@link #advance()} did. */
    public enum Progress {
        /** Does not hold the lock. */
        STANDBY,
        /** No run to carry out. */
        IDLE,
        BEGUN,
        ACTED,
        ENDED,
        /** Cleaned up after a run that failed or was aborted. */
        CLEANED,
        /** The step was refused (stale epoch, run over): this executor lets the run go. */
        REFUSED,
        /** A site call failed within the phase's bound; the unit will be tried again. */
        RETRY
    }

    private static final Logger LOG = Logger.getLogger(SiteExecutor.class);

    private final String name;
    private final String siteId;
    private final ExecutorLock lock;
    private final StepRecorder recorder;
    private final EpochGuard epochGuard;
    private final PhaseSteps steps;
    private final ExecutionMetrics metrics;
    private final Clock clock;
    private FailoverPhase acted;
    private Optional<StepVerdict> actVerdict = Optional.empty();

    SiteExecutor(String name, String siteId, ExecutorLock lock, StepRecorder recorder, EpochGuard epochGuard,
            PhaseSteps steps, ExecutionMetrics metrics, Clock clock) {
        this.name = name;
        this.siteId = siteId;
        this.lock = lock;
        this.recorder = recorder;
        this.epochGuard = epochGuard;
        this.steps = steps;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Takes the site's executor lock if it is free. */
    public boolean acquire() {
        return lock.tryAcquire();
    }

    public boolean holdsLock() {
        return lock.isHeld();
    }

    public String name() {
        return name;
    }

    /** Advances the site's current run by one unit. */
    public Progress advance() throws InterruptedException {
        if (!lock.isHeld()) {
            return Progress.STANDBY;
        }
        Optional<FailoverRun> next = recorder.nextExecutable(siteId);
        if (next.isEmpty()) {
            return cleanUpEnded();
        }
        FailoverRun run = next.get();
        try {
            return advance(run);
        } catch (StepRefused e) {
            LOG.warnf("step refused: executor=%s site=%s failoverId=%s: %s", name, siteId, run.failoverId(),
                    e.getMessage());
            forget();
            return Progress.REFUSED;
        } catch (RuntimeException e) {
            forget();
            return failIfOverdue(run, e);
        }
    }

    /** Advances until there is nothing left to do now (no run, refused, lost the lock, or a retry is due). */
    public Progress runUntilIdle() throws InterruptedException {
        Progress progress;
        do {
            progress = advance();
        } while (progress == Progress.BEGUN || progress == Progress.ACTED || progress == Progress.ENDED
                || progress == Progress.CLEANED);
        return progress;
    }

    /** Stops at once without recording anything, as a killed process would: its lock frees with its connection. */
    @Override
    public void close() {
        forget();
        lock.close();
    }

    Progress advance(FailoverRun run) throws InterruptedException {
        FailoverRun state = recorder.state(run.failoverId());
        Optional<PhaseRecord> open = state.openPhase();
        if (open.isEmpty()) {
            FailoverPhase phase = state.nextPhase().orElseThrow(
                    () -> new StepRefused("run " + run.failoverId() + " has no phase to begin"));
            if (!lock.confirm()) {
                return Progress.STANDBY;
            }
            recorder.begin(run, phase, name);
            forget();
            LOG.infof("phase started: site=%s failoverId=%s epoch=%d phase=%s executor=%s", siteId,
                    run.failoverId(), run.epoch(), phase, name);
            return Progress.BEGUN;
        }
        FailoverPhase phase = open.get().phase();
        if (acted != phase) {
            actVerdict = steps.act(phase, run, left(phase, open.get()), sideEffectCheck(run));
            acted = phase;
            return Progress.ACTED;
        }
        StepVerdict verdict = actVerdict.isPresent() ? actVerdict.get()
                : steps.await(phase, run, left(phase, open.get()), sideEffectCheck(run));
        if (!lock.confirm()) {
            // Lost the lock while waiting: another executor may have taken over; it records this phase.
            forget();
            return Progress.STANDBY;
        }
        StepRecorder.Ended ended = recorder.finish(run, phase, verdict, name);
        forget();
        metrics.phase(ended.phase());
        ended.completed().ifPresent(done -> {
            metrics.completed(done.rtoAchieved(), done.rpoAchieved());
            LOG.infof("failover completed: site=%s failoverId=%s epoch=%d rto=%s rpo=%s", siteId, run.failoverId(),
                    run.epoch(), done.rtoAchieved(), done.rpoAchieved());
        });
        ended.failed().ifPresent(failed -> LOG.errorf("failover failed: site=%s failoverId=%s epoch=%d phase=%s: %s",
                siteId, run.failoverId(), run.epoch(), phase, failed.failureReason()));
        LOG.infof("phase ended: site=%s failoverId=%s phase=%s %s: %s", siteId, run.failoverId(), phase,
                verdict.outcome(), verdict.detail());
        return Progress.ENDED;
    }

    /**
     * Cleans up after the oldest run that failed or was aborted after RESTORE began: deletes its Restore and marks
     * what it restored, then records it. A site call that fails leaves it for the next round.
     */
    private Progress cleanUpEnded() throws InterruptedException {
        Optional<FailoverRun> ended = recorder.nextToCleanUp(siteId);
        if (ended.isEmpty()) {
            return Progress.IDLE;
        }
        FailoverRun run = ended.get();
        try {
            String detail = steps.cleanUp(run, () -> {
                if (!lock.confirm()) {
                    throw new StepRefused("executor " + name + " lost the executor lock of site " + siteId);
                }
            });
            recorder.cleanedUp(run, detail, name);
            LOG.infof("cleaned up: site=%s failoverId=%s epoch=%d outcome=%s: %s", siteId, run.failoverId(),
                    run.epoch(), run.outcome(), detail);
            return Progress.CLEANED;
        } catch (StepRefused e) {
            LOG.warnf("clean-up refused: executor=%s failoverId=%s: %s", name, run.failoverId(), e.getMessage());
            return Progress.REFUSED;
        } catch (RuntimeException e) {
            LOG.warnf(e, "clean-up failed, will retry: executor=%s site=%s failoverId=%s", name, siteId,
                    run.failoverId());
            return Progress.RETRY;
        }
    }

    /** A site call failed: retried while the phase's bound lasts, then the run fails with the error. */
    private Progress failIfOverdue(FailoverRun run, RuntimeException error) {
        Optional<PhaseRecord> open = recorder.state(run.failoverId()).openPhase();
        if (open.isPresent() && left(open.get().phase(), open.get()).isZero()) {
            FailoverPhase phase = open.get().phase();
            recorder.finish(run, phase, StepVerdict.failed(phase + " could not be carried out within "
                    + steps.timeout(phase) + ": " + error.getMessage()), name);
            return Progress.ENDED;
        }
        LOG.warnf(error, "step failed, will retry: executor=%s site=%s failoverId=%s", name, siteId,
                run.failoverId());
        return Progress.RETRY;
    }

    /**
     * What is asked before each side effect of {@code run}: the lock's session still answers, and the run may
     * still act (epoch current, not aborted). Refused: the effect is not made and the executor lets the run go.
     */
    private SideEffectCheck sideEffectCheck(FailoverRun run) {
        return () -> {
            if (!lock.confirm()) {
                throw new StepRefused("executor " + name + " lost the executor lock of site " + siteId);
            }
            epochGuard.confirmActing(run);
        };
    }

    /** What is left of the phase's bound, measured from its recorded start on the service clock. */
    private Duration left(FailoverPhase phase, PhaseRecord open) {
        Duration left = steps.timeout(phase).minus(Duration.between(open.startedAt(), clock.instant()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void forget() {
        acted = null;
        actVerdict = Optional.empty();
    }
}
