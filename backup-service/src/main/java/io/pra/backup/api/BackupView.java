package io.pra.backup.api;

import java.time.Instant;
import java.util.List;

import io.pra.backup.service.BackupSummary;

/** A backup as the REST API shows it. */
public record BackupView(String name, String site, String group, String phase, Instant startedAt,
        Instant completedAt, Instant expiresAt, String storageLocation, List<String> namespaces, Integer itemsBackedUp,
        Integer totalItems, int warnings, int errors, String failureReason, List<String> validationErrors,
        Instant offsiteVerifiedAt, List<Verification> verifications) {

    /** The backup seen on a peer site. */
    public record Verification(String peerSite, Instant verifiedAt) {
    }

    static BackupView of(BackupSummary backup, List<Verification> verifications) {
        return new BackupView(backup.name(), backup.site(), backup.group(), backup.phase(), backup.startedAt(),
                backup.completedAt(), backup.expiresAt(), backup.storageLocation(), backup.namespaces(),
                backup.itemsBackedUp(), backup.totalItems(), backup.warnings(), backup.errors(), backup.failureReason(),
                backup.validationErrors(), backup.offsiteVerifiedAt(), verifications);
    }
}
