-- Site-down episodes already notified: one row per (site, observer, firstFailedAt). The first
-- pra.site.down of an episode inserts the row in the transaction of its deliveries; a heartbeat
-- finds it and creates no delivery. pra.site.up from the observer stamps closed_at.

CREATE TABLE site_down_episode (
    site             text        NOT NULL,
    observer_id      text        NOT NULL,
    first_failed_at  timestamptz NOT NULL,
    opened_by        uuid        NOT NULL,
    opened_at        timestamptz NOT NULL,
    closed_at        timestamptz,
    PRIMARY KEY (site, observer_id, first_failed_at)
);

CREATE INDEX site_down_episode_open ON site_down_episode (site, observer_id) WHERE closed_at IS NULL;
