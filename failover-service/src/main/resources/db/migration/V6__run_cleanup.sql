-- Clean-up of runs that ended FAILED or ABORTED after RESTORE began: the executor deletes the run's Velero
-- Restore on the target site and labels the namespaces it restored into for an operator to remove, then records
-- when and what it did. A run still to clean up has cleaned_up_at NULL.
ALTER TABLE failover_run ADD COLUMN cleaned_up_at timestamptz;
ALTER TABLE failover_run ADD COLUMN cleanup_detail text;

CREATE INDEX failover_run_cleanup ON failover_run (site_id, ended_at)
    WHERE outcome IN ('FAILED', 'ABORTED') AND cleaned_up_at IS NULL;
