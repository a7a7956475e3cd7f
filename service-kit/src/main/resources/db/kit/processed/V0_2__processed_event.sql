-- The processed-event log (service-kit, io.pra.kit.processed): ids of consumed events, written in the
-- transaction of their effect, so a redelivered event has no second effect. Kept for the retention period.
CREATE TABLE processed_event (
    event_id        uuid        NOT NULL,
    consumer        text        NOT NULL,
    processed_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);

CREATE INDEX processed_event_age ON processed_event (processed_at);
