package io.pra.backup.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;

/** Writes events to the outbox in the caller's transaction; the {@link OutboxRelay} publishes them after commit. */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final CloudEventFactory cloudEvents;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    OutboxWriter(EntityManager entityManager, CloudEventFactory cloudEvents, EventCodec codec,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.cloudEvents = cloudEvents;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Validates the event, stamps its CloudEvents attributes and stores it; it is published only if the transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEventAttributes append(PraEvent event) {
        byte[] json = codec.write(event);
        CloudEventAttributes attributes = cloudEvents.attributesFor(event);
        OutboxMessage message = new OutboxMessage();
        message.id = UUID.fromString(attributes.id());
        message.topic = EventType.of(event).topic();
        message.recordKey = Topics.recordKey(event);
        message.type = attributes.type();
        message.source = attributes.source();
        message.subject = attributes.subject();
        message.occurredAt = attributes.time();
        message.payload = new String(json, StandardCharsets.UTF_8);
        message.createdAt = attributes.time();
        entityManager.persist(message);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
        return attributes;
    }
}
