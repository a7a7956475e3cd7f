package io.pra.failover.persistence;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.PhaseRecord;

/** Failover runs as the domain sees them: loaded from and saved to their rows through {@link RunEntities}. */
@ApplicationScoped
public class RunStore {

    private final RunRepository runs;
    private final PhaseRepository phases;

    RunStore(RunRepository runs, PhaseRepository phases) {
        this.runs = runs;
        this.phases = phases;
    }

    /** Stores a freshly decided run. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void create(FailoverRun run) {
        runs.persist(RunEntities.newRow(run));
    }

    public Optional<FailoverRun> find(UUID failoverId) {
        return Optional.ofNullable(runs.findById(failoverId)).map(this::toDomain);
    }

    /** The site a run fails over, read without loading the run. */
    public Optional<String> siteOf(UUID failoverId) {
        return runs.getEntityManager()
                .createQuery("SELECT r.siteId FROM RunEntity r WHERE r.failoverId = ?1", String.class)
                .setParameter(1, failoverId).getResultStream().findFirst();
    }

    /** The run with its row locked until the transaction ends; the caller locks the site first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<FailoverRun> findLocked(UUID failoverId) {
        return Optional.ofNullable(runs.findById(failoverId, LockModeType.PESSIMISTIC_WRITE)).map(row -> {
            // Another transaction may have changed the run while this one waited for the lock.
            runs.getEntityManager().refresh(row);
            return toDomain(row);
        });
    }

    /** The site's run that is not over, if any (at most one exists). */
    public Optional<FailoverRun> active(String siteId) {
        return runs.activeRun(siteId).map(this::toDomain);
    }

    /** The site's oldest run that is not over and not waiting for approval. */
    public Optional<FailoverRun> nextExecutable(String siteId) {
        return runs.find("siteId = ?1 and outcome is null and (approvalRequired = false or approvedBy is not null) "
                + "order by decidedAt", siteId).firstResultOptional().map(this::toDomain);
    }

    /** The site's oldest run that ended FAILED or ABORTED after RESTORE began and is not cleaned up yet. */
    public Optional<FailoverRun> nextToCleanUp(String siteId) {
        return runs.find("FROM RunEntity r WHERE r.siteId = ?1 AND r.outcome IN ?2 AND r.cleanedUpAt IS NULL AND "
                + "EXISTS (SELECT 1 FROM PhaseEntity p WHERE p.failoverId = r.failoverId AND p.phase = ?3) "
                + "ORDER BY r.endedAt", siteId,
                List.of(FailoverPhase.FAILED, FailoverPhase.ABORTED), FailoverPhase.RESTORE)
                .firstResultOptional().map(this::toDomain);
    }

    /** Runs, newest decision first, of one site or all ({@code siteId} null). */
    public List<FailoverRun> newestFirst(String siteId, int offset, int limit) {
        return runs.newestFirst(siteId, offset, limit).stream().map(this::toDomain).toList();
    }

    /** Writes what changed in {@code run} since it was loaded: approval, outcome and its phases. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void save(FailoverRun run) {
        RunEntity row = runs.findById(run.failoverId());
        if (row == null) {
            throw new IllegalStateException("run " + run.failoverId() + " was never stored");
        }
        RunEntities.copyState(run, row);
        for (PhaseRecord phase : run.phases()) {
            PhaseEntity phaseRow = phases.find(run.failoverId(), phase.phase());
            if (phaseRow == null) {
                phaseRow = new PhaseEntity();
                RunEntities.copyPhase(run, phase, phaseRow);
                phases.persist(phaseRow);
            } else {
                RunEntities.copyPhase(run, phase, phaseRow);
            }
        }
    }

    private FailoverRun toDomain(RunEntity row) {
        return RunEntities.toDomain(row, phases.ofRun(row.failoverId));
    }
}
