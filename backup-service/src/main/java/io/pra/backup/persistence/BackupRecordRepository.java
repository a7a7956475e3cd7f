package io.pra.backup.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

/** The backup catalog. */
@ApplicationScoped
public class BackupRecordRepository implements PanacheRepositoryBase<BackupRecord, String> {

    private static final List<String> RESTORABLE = List.of("Completed", "PartiallyFailed");

    /**
     * The row of this backup, locked for the rest of the transaction; created first (with phase New) if absent.
     * The insert ignores a concurrent one, so two replicas or two sites' handlers never record a backup twice.
     */
    public BackupRecord lockOrCreate(String name, String site, String group, Instant now) {
        getEntityManager().createNativeQuery("INSERT INTO backup_record (name, site, protection_group, phase, "
                + "first_seen_at, updated_at) VALUES (?1, ?2, ?3, 'New', ?4, ?4) ON CONFLICT (name) DO NOTHING")
                .setParameter(1, name).setParameter(2, site).setParameter(3, group).setParameter(4, now)
                .executeUpdate();
        return findById(name, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The row of this backup, locked, if the catalog has it. */
    public Optional<BackupRecord> lock(String name) {
        return findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Start time of the newest restorable, off-site verified backup of a group. */
    public Optional<Instant> newestVerifiedStart(String group) {
        return Optional.ofNullable(getEntityManager().createQuery("SELECT max(startedAt) FROM BackupRecord "
                + "WHERE protectionGroup = :group AND offsiteVerifiedAt IS NOT NULL AND phase IN :restorable",
                Instant.class).setParameter("group", group).setParameter("restorable", RESTORABLE).getSingleResult());
    }

    /** Newest restorable, off-site verified backup of a group. */
    public Optional<BackupRecord> newestVerified(String group) {
        return find("protectionGroup = :group AND offsiteVerifiedAt IS NOT NULL AND phase IN :restorable "
                + "ORDER BY startedAt DESC", Parameters.with("group", group).and("restorable", RESTORABLE))
                .firstResultOptional();
    }

    /** Completion time of the newest restorable backup of a group, verified or not. */
    public Optional<Instant> lastSuccess(String group) {
        return Optional.ofNullable(getEntityManager().createQuery("SELECT max(completedAt) FROM BackupRecord "
                + "WHERE protectionGroup = :group AND phase IN :restorable", Instant.class)
                .setParameter("group", group).setParameter("restorable", RESTORABLE).getSingleResult());
    }

    /** Newest first (by start, then first sighting), optionally filtered by group and phase. */
    public List<BackupRecord> search(String group, String phase, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (group != null) {
            query.append(" AND protectionGroup = :group");
            parameters.and("group", group);
        }
        if (phase != null) {
            query.append(" AND phase = :phase");
            parameters.and("phase", phase);
        }
        query.append(" ORDER BY coalesce(startedAt, firstSeenAt) DESC, name DESC");
        return find(query.toString(), parameters).page(0, limit).list();
    }
}
