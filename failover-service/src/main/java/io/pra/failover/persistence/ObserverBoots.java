package io.pra.failover.persistence;

import java.time.Instant;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The last sequence accepted per observer and boot ({@code observer_boot}), so that a replayed vote never counts,
 * even after a restart or from a consumer that reads old records again. Callers hold the site's row lock.
 */
@ApplicationScoped
public class ObserverBoots {

    private final EntityManager entityManager;

    ObserverBoots(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The last sequence accepted from this observer's boot, if any. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong lastSequence(String observerId, String bootId) {
        return entityManager.createNativeQuery(
                "SELECT last_sequence FROM observer_boot WHERE observer_id = ?1 AND boot_id = ?2", Long.class)
                .setParameter(1, observerId)
                .setParameter(2, bootId)
                .getResultStream()
                .mapToLong(value -> ((Number) value).longValue())
                .findFirst();
    }

    /** Records {@code sequence} as the last accepted from this observer's boot. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(String observerId, String bootId, long sequence, Instant now) {
        entityManager.createNativeQuery("INSERT INTO observer_boot (observer_id, boot_id, last_sequence, last_seen_at) "
                + "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (observer_id, boot_id) DO UPDATE SET "
                + "last_sequence = GREATEST(observer_boot.last_sequence, EXCLUDED.last_sequence), "
                + "last_seen_at = EXCLUDED.last_seen_at")
                .setParameter(1, observerId)
                .setParameter(2, bootId)
                .setParameter(3, sequence)
                .setParameter(4, now)
                .executeUpdate();
    }
}
