package io.pra.backup.service;

import java.time.Instant;
import java.util.List;

import io.pra.backup.persistence.BackupRecord;
import io.pra.backup.persistence.BackupVerification;

/** A backup of the catalog as the REST API reads it. */
public record BackupSummary(String name, String site, String group, String phase, Instant startedAt,
        Instant completedAt, Instant expiresAt, String storageLocation, List<String> namespaces, Integer itemsBackedUp,
        Integer totalItems, int warnings, int errors, String failureReason, List<String> validationErrors,
        Instant offsiteVerifiedAt) {

    /** The backup seen on a peer site. */
    public record Verification(String peerSite, Instant verifiedAt) {

        static Verification of(BackupVerification verification) {
            return new Verification(verification.peerSite, verification.verifiedAt);
        }
    }

    static BackupSummary of(BackupRecord record) {
        return new BackupSummary(record.name, record.site, record.protectionGroup, record.phase, record.startedAt,
                record.completedAt, record.expiresAt, record.storageLocation, List.copyOf(record.namespaces),
                record.itemsBackedUp, record.totalItems, record.warnings, record.errors, record.failureReason,
                List.copyOf(record.validationErrors), record.offsiteVerifiedAt);
    }
}
