package io.pra.notifier.persistence;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Event ids this service has processed, recorded in the transaction of their deliveries. */
@ApplicationScoped
public class ProcessedEventRepository {

    /** The consumer name recorded with each id. */
    public static final String CONSUMER = "notifier-service";

    private final EntityManager entityManager;

    ProcessedEventRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the id; false when it was already recorded (a redelivery). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean markProcessed(UUID eventId) {
        return entityManager.createNativeQuery(
                "INSERT INTO notifier.processed_event (event_id, consumer) VALUES (:id, :consumer) ON CONFLICT DO NOTHING")
                .setParameter("id", eventId).setParameter("consumer", CONSUMER).executeUpdate() == 1;
    }
}
