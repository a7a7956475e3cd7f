package io.pra.kit.processed;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

/**
 * The ids of events a consumer has applied ({@code processed_event}), recorded in the transaction of their effect so
 * a redelivered event has no second effect.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;

    ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that {@code consumer} processes {@code eventId}; false when it already had, in which case the caller
     * must change nothing. Runs in the transaction of the effect.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId, String consumer) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_event (event_id, consumer) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                // Touches no mapped entity: the caller's pending changes need not be flushed first.
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("processed_event")
                .executeUpdate() == 1;
    }

    /** Whether {@code consumer} has processed {@code eventId} (within the retention period). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isProcessed(UUID eventId, String consumer) {
        return !entityManager.createNativeQuery(
                "SELECT 1 FROM processed_event WHERE event_id = ?1 AND consumer = ?2")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .getResultList().isEmpty();
    }
}
