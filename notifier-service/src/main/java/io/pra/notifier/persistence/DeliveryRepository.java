package io.pra.notifier.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.pra.notifier.domain.DeliveryStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The delivery log. Claims lock rows with SKIP LOCKED so replicas never send the same row at once. */
@ApplicationScoped
public class DeliveryRepository implements PanacheRepository<DeliveryEntity> {

    /** Ids of PENDING deliveries due at {@code now}, oldest first (no lock: a hint for the dispatcher). */
    public List<Long> dueIds(Instant now, int limit) {
        return getEntityManager().createQuery("select d.id from DeliveryEntity d where d.status = :status "
                + "and d.nextAttemptAt <= :now order by d.nextAttemptAt", Long.class)
                .setParameter("status", DeliveryStatus.PENDING).setParameter("now", now)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Serialises the senders of one group for the rest of the transaction, so the group goes out
     * as one message even when several workers pick up its members at once.
     */
    public void lockGroup(String groupKey) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext(:group))) AS locked")
                .setParameter("group", groupKey).getSingleResult();
    }

    /** The group key of a delivery, if it has one. */
    public Optional<String> groupKeyOf(long id) {
        return getEntityManager().createQuery("select d.groupKey from DeliveryEntity d where d.id = :id", String.class)
                .setParameter("id", id).getResultStream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Locks a delivery if it is still PENDING and no other transaction holds it. */
    @SuppressWarnings("unchecked")
    public Optional<DeliveryEntity> claim(long id) {
        List<DeliveryEntity> rows = getEntityManager().createNativeQuery(
                "SELECT * FROM notifier.delivery WHERE id = :id AND status = 'PENDING' FOR UPDATE SKIP LOCKED",
                DeliveryEntity.class).setParameter("id", id).getResultList();
        return rows.stream().findFirst();
    }

    /** Locks the other PENDING members of a group, skipping rows another transaction holds. */
    @SuppressWarnings("unchecked")
    public List<DeliveryEntity> claimGroup(String groupKey, long exceptId) {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM notifier.delivery WHERE group_key = :group AND status = 'PENDING' AND id <> :id "
                        + "ORDER BY event_time FOR UPDATE SKIP LOCKED", DeliveryEntity.class)
                .setParameter("group", groupKey).setParameter("id", exceptId).getResultList();
    }

    /** When the open group for this key is released, if one is pending. */
    public Optional<Instant> openGroupRelease(String groupKey) {
        return find("groupKey = ?1 and status = ?2 and attempts = 0", Sort.by("nextAttemptAt"), groupKey,
                DeliveryStatus.PENDING).firstResultOptional().map(row -> row.nextAttemptAt);
    }

    /** Deliveries for the API, newest first, optionally filtered. */
    public List<DeliveryEntity> list(DeliveryStatus status, String channel, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            parameters.and("channel", channel);
        }
        return find(query.toString(), Sort.descending("createdAt", "id"), parameters)
                .page(Page.ofSize(limit)).list();
    }
}
