-- Baseline of the backup-service schema: the outbox and the processed-event log every service with
-- state needs (DESIGN section 3: a state change and its event commit in one transaction; a
-- consumer records the ids it processed in the same transaction as their effect).

CREATE TABLE outbox_event (
    id              uuid        PRIMARY KEY,
    topic           text        NOT NULL,
    record_key      text        NOT NULL,
    type            text        NOT NULL,
    source          text        NOT NULL,
    subject         text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    payload         jsonb       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    published_at    timestamptz
);

-- The relay reads what is still to publish, oldest first.
CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;

CREATE TABLE processed_event (
    event_id        uuid        NOT NULL,
    consumer        text        NOT NULL,
    processed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);
