-- Execution of runs (DESIGN section 5, point 3): one row per phase a run began, with its times,
-- how it ended and what it did. Objects a phase creates have deterministic names (pra-<failoverId>),
-- so a resumed executor finds them again from the run id; the detail keeps what the step reported
-- (fence result, Velero restore outcome, cutover result) for operators and events. No foreign key to
-- failover_run, so tests and tools that truncate runs keep working; rows are only written by the executor
-- after it read and locked the run.
CREATE TABLE failover_phase (
    failover_id     uuid        NOT NULL,
    phase           text        NOT NULL CHECK (phase IN ('FENCE_SOURCE', 'RESTORE', 'VERIFY', 'CUTOVER')),
    started_at      timestamptz NOT NULL,
    ended_at        timestamptz,
    status          text        NOT NULL CHECK (status IN ('STARTED', 'SUCCEEDED', 'FAILED', 'SKIPPED')),
    detail          text,
    errors          jsonb       NOT NULL DEFAULT '[]',
    executor        text        NOT NULL,
    PRIMARY KEY (failover_id, phase)
);

-- The executor looks for runs to carry out: not over, approved when approval is required.
CREATE INDEX failover_run_executable ON failover_run (site_id, decided_at) WHERE outcome IS NULL;
