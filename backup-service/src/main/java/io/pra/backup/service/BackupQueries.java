package io.pra.backup.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.backup.persistence.BackupRecord;
import io.pra.backup.persistence.BackupRecordRepository;
import io.pra.backup.persistence.BackupVerification;
import io.pra.backup.persistence.BackupVerificationRepository;

/** Read side of the catalog for the REST API. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class BackupQueries {

    private final BackupRecordRepository records;
    private final BackupVerificationRepository verifications;

    BackupQueries(BackupRecordRepository records, BackupVerificationRepository verifications) {
        this.records = records;
        this.verifications = verifications;
    }

    public List<BackupRecord> search(String group, String phase, int limit) {
        return records.search(group, phase, limit);
    }

    public Optional<BackupRecord> find(String name) {
        return records.findByIdOptional(name);
    }

    public List<BackupVerification> verifications(String name) {
        return verifications.forBackup(name);
    }

    public Optional<BackupRecord> newestVerified(String group) {
        return records.newestVerified(group);
    }
}
