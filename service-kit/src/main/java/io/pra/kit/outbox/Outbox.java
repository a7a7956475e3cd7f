package io.pra.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.query.NativeQuery;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.events.EventType;
import io.pra.events.PraEvent;
import io.pra.events.Topics;

/** Writes events to the outbox in the caller's transaction; the {@link OutboxRelay} publishes them after commit. */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event "
            + "(id, topic, record_key, type, source, subject, occurred_at, payload) "
            + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS jsonb))";

    private final EntityManager entityManager;
    private final CloudEventFactory cloudEvents;
    private final EventCodec codec;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, CloudEventFactory cloudEvents, EventCodec codec,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.cloudEvents = cloudEvents;
        this.codec = codec;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Validates the event, stamps its CloudEvents attributes and stores it; it is published only if the
     * transaction commits. Returns its attributes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEventAttributes write(PraEvent event) {
        String payload = new String(codec.write(event), StandardCharsets.UTF_8);
        CloudEventAttributes attributes = cloudEvents.attributesFor(event);
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, UUID.fromString(attributes.id()))
                .setParameter(2, EventType.of(event).topic())
                .setParameter(3, Topics.recordKey(event))
                .setParameter(4, attributes.type())
                .setParameter(5, attributes.source())
                .setParameter(6, attributes.subject())
                .setParameter(7, OffsetDateTime.ofInstant(attributes.time(), ZoneOffset.UTC))
                .setParameter(8, payload)
                // Touches no mapped entity: the caller's pending changes need not be flushed first.
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("outbox_event")
                .executeUpdate();
        wakeRelayAfterCommit();
        return attributes;
    }

    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to prepare: the row commits with the caller's changes.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}
