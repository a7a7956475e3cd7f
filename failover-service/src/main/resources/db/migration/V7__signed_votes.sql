-- Votes are admitted by signature, boot and event time (DESIGN section 5, point 1).

-- The latest vote of each observer now records its boot, the broker's append time and its event time (the earlier
-- of the broker's time and the observer's own plus the allowed skew): its TTL runs from there. Votes stored before
-- were not signed and cannot be judged by event time: they are dropped, the observers re-send theirs every round.
DELETE FROM site_vote;
ALTER TABLE site_vote ADD COLUMN boot_id text NOT NULL;
ALTER TABLE site_vote ADD COLUMN broker_time timestamptz NOT NULL;
ALTER TABLE site_vote ADD COLUMN event_time timestamptz NOT NULL;

-- The last sequence accepted per observer and boot: a vote at or below it is a replay. Kept across restarts so that
-- a replayed record never counts, whatever the consumer's offset; boots not heard from are pruned.
CREATE TABLE observer_boot (
    observer_id     text        NOT NULL,
    boot_id         text        NOT NULL,
    last_sequence   bigint      NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    PRIMARY KEY (observer_id, boot_id)
);

CREATE INDEX observer_boot_last_seen ON observer_boot (last_seen_at);

-- Since when the site's fresh down votes have been enough observers in too few failure domains (null when not):
-- pra.failover.quorum-incomplete is published once when this turns non-null.
ALTER TABLE site ADD COLUMN quorum_incomplete_since timestamptz;
