package io.pra.backup.api;

import java.time.Instant;
import java.util.List;

import io.pra.backup.persistence.BackupRecord;

/** A backup as the REST API shows it. */
public record BackupView(String name, String site, String group, String phase, Instant startedAt,
        Instant completedAt, Instant expiresAt, String storageLocation, List<String> namespaces, Integer itemsBackedUp,
        Integer totalItems, int warnings, int errors, String failureReason, List<String> validationErrors,
        Instant offsiteVerifiedAt, List<Verification> verifications) {

    /** The backup seen on a peer site. */
    public record Verification(String peerSite, Instant verifiedAt) {
    }

    static BackupView of(BackupRecord record, List<Verification> verifications) {
        return new BackupView(record.name, record.site, record.protectionGroup, record.phase, record.startedAt,
                record.completedAt, record.expiresAt, record.storageLocation, List.copyOf(record.namespaces),
                record.itemsBackedUp, record.totalItems, record.warnings, record.errors, record.failureReason,
                List.copyOf(record.validationErrors), record.offsiteVerifiedAt, verifications);
    }
}
