-- State of the decision (DESIGN section 5, points 1 and 2).

-- One row per protected site: the epoch fences stale executors, the row is locked by each decision.
CREATE TABLE site (
    site_id         text        PRIMARY KEY,
    epoch           bigint      NOT NULL DEFAULT 0,
    mode            text        NOT NULL CHECK (mode IN ('AUTO', 'MANUAL', 'OFF')),
    updated_at      timestamptz NOT NULL
);

-- The latest vote of each observer on a site (by sequence); received_at is on this service's clock.
CREATE TABLE site_vote (
    id              bigserial   PRIMARY KEY,
    site_id         text        NOT NULL REFERENCES site,
    observer_id     text        NOT NULL,
    sequence        bigint      NOT NULL,
    down            boolean     NOT NULL,
    observed_at     timestamptz,
    received_at     timestamptz NOT NULL,
    first_failed_at timestamptz,
    vote_ttl        interval,
    UNIQUE (site_id, observer_id)
);

-- Backups of a protected site as seen on one site (the source, or a peer that synced them),
-- from pra.backup.completed and pra.backup.offsite-verified.
CREATE TABLE backup_seen (
    id               bigserial   PRIMARY KEY,
    site_id          text        NOT NULL,
    backup_name      text        NOT NULL,
    seen_on          text        NOT NULL,
    protection_group text        NOT NULL,
    velero_phase     text        NOT NULL,
    storage_location text        NOT NULL,
    started_at       timestamptz NOT NULL,
    completed_at     timestamptz,
    expires_at       timestamptz,
    recorded_at      timestamptz NOT NULL,
    UNIQUE (site_id, backup_name, seen_on)
);

CREATE INDEX backup_seen_restorable ON backup_seen (site_id, seen_on, started_at DESC);

-- Runs: one per epoch of a site; at most one not over per site.
CREATE TABLE failover_run (
    failover_id         uuid        PRIMARY KEY,
    site_id             text        NOT NULL REFERENCES site,
    target_site         text        NOT NULL,
    epoch               bigint      NOT NULL,
    trigger             text        NOT NULL CHECK (trigger IN ('QUORUM', 'MANUAL')),
    requested_by        text,
    reason              text,
    decided_at          timestamptz NOT NULL,
    disaster_started_at timestamptz NOT NULL,
    quorum_votes        jsonb       NOT NULL,
    backup_name         text        NOT NULL,
    backup_location     text        NOT NULL,
    backup_started_at   timestamptz NOT NULL,
    backup_completed_at timestamptz NOT NULL,
    expected_data_loss  interval    NOT NULL,
    data_loss_budget    interval    NOT NULL,
    approval_required   boolean     NOT NULL,
    approved_by         text,
    approved_at         timestamptz,
    outcome             text        CHECK (outcome IN ('COMPLETED', 'FAILED', 'ABORTED')),
    ended_at            timestamptz,
    end_reason          text,
    UNIQUE (site_id, epoch)
);

CREATE UNIQUE INDEX failover_run_one_active_per_site ON failover_run (site_id) WHERE outcome IS NULL;

-- Who did what, when, under which epoch. Append-only: updates and deletes are refused.
CREATE TABLE audit_entry (
    id              bigserial   PRIMARY KEY,
    at              timestamptz NOT NULL,
    actor           text        NOT NULL,
    action          text        NOT NULL,
    site_id         text        NOT NULL,
    failover_id     uuid,
    epoch           bigint      NOT NULL,
    detail          text        NOT NULL
);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
