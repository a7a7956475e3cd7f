package io.pra.backup.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Off-site verifications per backup and peer site. */
@ApplicationScoped
public class BackupVerificationRepository implements PanacheRepositoryBase<BackupVerification, BackupVerification.Key> {

    public boolean exists(String backupName, String peerSite) {
        return findByIdOptional(new BackupVerification.Key(backupName, peerSite)).isPresent();
    }

    public List<BackupVerification> forBackup(String backupName) {
        return list("backupName = ?1 ORDER BY verifiedAt", backupName);
    }
}
