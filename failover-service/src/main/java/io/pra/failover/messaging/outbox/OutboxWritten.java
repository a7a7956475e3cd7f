package io.pra.failover.messaging.outbox;

import java.util.UUID;

/** CDI event: an outbox row was written; observed after commit to publish without waiting for the next poll. */
public record OutboxWritten(UUID eventId) {
}
