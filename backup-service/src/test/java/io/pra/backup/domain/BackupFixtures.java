package io.pra.backup.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Backups and groups for the domain tests. */
final class BackupFixtures {

    static final Instant STARTED = Instant.parse("2026-11-24T10:00:00Z");
    static final Instant COMPLETED = STARTED.plusSeconds(42);

    private BackupFixtures() {
    }

    static ProtectionGroup group() {
        return new ProtectionGroup("shop", "a", List.of("b"), List.of("shop"), Map.of(), "*/5 * * * *",
                Duration.ofHours(720), "default", Duration.ofMinutes(15));
    }

    static BackupObservation backup(String phase, String failureReason, int errors) {
        return new BackupObservation("pra-shop-20261124100000", "a", phase, STARTED, COMPLETED,
                STARTED.plus(Duration.ofHours(720)), "default", List.of("shop"), 9, 9, 1, errors, failureReason,
                List.of());
    }
}
