package io.pra.backup.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** RPO levels per group. */
@ApplicationScoped
public class RpoStateRepository implements PanacheRepositoryBase<RpoState, String> {

    /** The group's state, locked; created at level OK, tracked from {@code now}, if absent. */
    public RpoState lockOrCreate(String group, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO rpo_state (protection_group, level, tracked_since, "
                + "updated_at) VALUES (?1, 'OK', ?2, ?2) ON CONFLICT (protection_group) DO NOTHING")
                .setParameter(1, group).setParameter(2, now).executeUpdate();
        return findById(group, LockModeType.PESSIMISTIC_WRITE);
    }
}
