-- Approval workflow and operator API (issue 5): why a run waits, until when, and what the timeout does then.
ALTER TABLE failover_run
    ADD COLUMN approval_reason   text,
    ADD COLUMN approval_deadline timestamptz,
    ADD COLUMN on_timeout        text CHECK (on_timeout IN ('PROCEED', 'ABORT'));

-- The scheduled approval check looks only at runs still waiting.
CREATE INDEX failover_run_awaiting_approval ON failover_run (approval_deadline)
    WHERE approval_required AND approved_by IS NULL AND outcome IS NULL;

-- GET /failovers and GET /audit list newest first.
CREATE INDEX failover_run_newest ON failover_run (decided_at DESC);
CREATE INDEX audit_entry_site ON audit_entry (site_id, id DESC);
