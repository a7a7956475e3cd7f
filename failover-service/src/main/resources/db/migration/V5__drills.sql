-- Drills (DESIGN section 5, point 5): restore + verify of a backup into drill-<ns> namespaces on the
-- target site, measured and scored, never a cutover. A drill carries the site's current epoch and does
-- not change it; at most one drill per site runs at a time.
CREATE TABLE drill_run (
    drill_id            uuid        PRIMARY KEY,
    site_id             text        NOT NULL,
    target_site         text        NOT NULL,
    epoch               bigint      NOT NULL,
    requested_by        text        NOT NULL,
    scheduled           boolean     NOT NULL,
    started_at          timestamptz NOT NULL,
    backup_name         text        NOT NULL,
    backup_location     text        NOT NULL,
    backup_started_at   timestamptz NOT NULL,
    backup_completed_at timestamptz NOT NULL,
    namespace_mapping   jsonb       NOT NULL,
    ended_at            timestamptz,
    verdict             text        CHECK (verdict IN ('PASSED', 'FAILED')),
    score               integer,
    failure_reason      text,
    cleaned_up          boolean
);

CREATE UNIQUE INDEX drill_run_one_active_per_site ON drill_run (site_id) WHERE ended_at IS NULL;
