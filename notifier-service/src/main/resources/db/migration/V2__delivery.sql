-- The delivery log: one row per (event, channel). The dispatcher sends PENDING rows whose
-- next_attempt_at has come, oldest first; a SENT row is never sent again.

CREATE TABLE delivery (
    id               bigserial   PRIMARY KEY,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    event_source     text        NOT NULL,
    site             text        NOT NULL,
    severity         text        NOT NULL,
    event_time       timestamptz NOT NULL,
    payload          jsonb       NOT NULL,
    channel          text        NOT NULL,
    status           text        NOT NULL,
    group_key        text,
    attempts         integer     NOT NULL DEFAULT 0,
    last_error       text,
    created_at       timestamptz NOT NULL,
    next_attempt_at  timestamptz NOT NULL,
    sent_at          timestamptz,
    updated_at       timestamptz NOT NULL,
    CONSTRAINT delivery_event_channel UNIQUE (event_id, channel),
    CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'SENT', 'FAILED'))
);

CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX delivery_group ON delivery (group_key) WHERE status = 'PENDING' AND group_key IS NOT NULL;
CREATE INDEX delivery_listing ON delivery (created_at DESC);
