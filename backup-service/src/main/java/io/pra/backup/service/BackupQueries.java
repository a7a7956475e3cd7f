package io.pra.backup.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.pra.backup.persistence.BackupRecordRepository;
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

    public List<BackupSummary> search(String group, String phase, int limit) {
        return records.search(group, phase, limit).stream().map(BackupSummary::of).toList();
    }

    public Optional<BackupSummary> find(String name) {
        return records.findByIdOptional(name).map(BackupSummary::of);
    }

    public List<BackupSummary.Verification> verifications(String name) {
        return verifications.forBackup(name).stream().map(BackupSummary.Verification::of).toList();
    }

    public Optional<BackupSummary> newestVerified(String group) {
        return records.newestVerified(group).map(BackupSummary::of);
    }
}
