-- The transactional outbox (service-kit, io.pra.kit.outbox): events written in the transaction of the state
-- change that causes them, published by the relay in position order, at least once. Versions 0.x belong to
-- the kit and sort before every service's own (service-kit/DESIGN.md).
CREATE TABLE outbox_event (
    position        bigserial   PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
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

-- The relay reads what is still to publish, in insertion order.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;

-- Retention deletes what was published long enough ago.
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
