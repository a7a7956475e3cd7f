package io.pra.failover.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;

/** Writes events to the outbox table, in the caller's transaction, for {@link OutboxRelay} to publish. */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final CloudEventFactory cloudEvents;
    private final EventCodec codec;
    private final Event<OutboxWritten> written;

    Outbox(EntityManager entityManager, CloudEventFactory cloudEvents, EventCodec codec, Event<OutboxWritten> written) {
        this.entityManager = entityManager;
        this.cloudEvents = cloudEvents;
        this.codec = codec;
        this.written = written;
    }

    /**
     * Validates and stores {@code event}; it is published only if the surrounding transaction
     * commits. Returns its CloudEvents attributes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEventAttributes write(PraEvent event) {
        CloudEventAttributes attributes = cloudEvents.attributesFor(event);
        OutboxEventEntity row = new OutboxEventEntity();
        row.id = UUID.fromString(attributes.id());
        row.topic = EventType.of(event).topic();
        row.recordKey = Topics.recordKey(event);
        row.type = attributes.type();
        row.source = attributes.source();
        row.subject = attributes.subject();
        row.occurredAt = attributes.time();
        row.payload = new String(codec.write(event), StandardCharsets.UTF_8);
        entityManager.persist(row);
        written.fire(new OutboxWritten(row.id));
        return attributes;
    }
}
