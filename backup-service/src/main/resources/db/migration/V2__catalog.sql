-- The backup catalog: one row per Velero Backup of a protection group taken on its source site, updated at
-- every phase change; outcome_published_at marks the completed/failed event as written to the outbox, so a
-- restart that replays every Backup never announces one twice.
CREATE TABLE backup_record (
    name                  text        PRIMARY KEY,
    site                  text        NOT NULL,
    protection_group      text        NOT NULL,
    phase                 text        NOT NULL,
    started_at            timestamptz,
    completed_at          timestamptz,
    expires_at            timestamptz,
    storage_location      text,
    namespaces            jsonb       NOT NULL DEFAULT '[]',
    items_backed_up       integer,
    total_items           integer,
    warnings              integer     NOT NULL DEFAULT 0,
    errors                integer     NOT NULL DEFAULT 0,
    failure_reason        text,
    validation_errors     jsonb       NOT NULL DEFAULT '[]',
    first_seen_at         timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    outcome_published_at  timestamptz,
    offsite_verified_at   timestamptz
);

CREATE INDEX backup_record_group_started ON backup_record (protection_group, started_at DESC);

-- One row per peer site a backup was seen on: pra.backup.offsite-verified is published once per peer.
CREATE TABLE backup_verification (
    backup_name           text        NOT NULL REFERENCES backup_record (name),
    peer_site             text        NOT NULL,
    verified_at           timestamptz NOT NULL,
    PRIMARY KEY (backup_name, peer_site)
);

-- Last announced RPO level per group, so warnings, breaches and recoveries are announced once, across restarts.
CREATE TABLE rpo_state (
    protection_group      text        PRIMARY KEY,
    level                 text        NOT NULL,
    tracked_since         timestamptz NOT NULL,
    degraded_since        timestamptz,
    updated_at            timestamptz NOT NULL
);
