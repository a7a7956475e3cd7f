package io.pra.backup.domain;

import static io.pra.backup.domain.BackupFixtures.backup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.events.EventCodec;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.events.backup.BackupOffsiteVerified;

class BackupOutcomesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void aCompletedBackupIsAnnouncedAsCompletedWithItsCounts() {
        BackupCompleted event = (BackupCompleted) BackupOutcomes.finished(backup("Completed", null, 0), "shop");

        assertThat(event.veleroPhase()).isEqualTo("Completed");
        assertThat(event.protectionGroup()).isEqualTo("shop");
        assertThat(event.itemsBackedUp()).isEqualTo(9);
        assertThat(event.warnings()).isEqualTo(1);
        assertThat(codec.write(event)).isNotEmpty();
    }

    @Test
    void aPartiallyFailedBackupIsCompletedWithItsErrors() {
        BackupCompleted event = (BackupCompleted) BackupOutcomes.finished(
                backup("PartiallyFailed", "2 items failed", 2), "shop");

        assertThat(event.veleroPhase()).isEqualTo("PartiallyFailed");
        assertThat(event.errors()).isEqualTo(2);
    }

    @Test
    void aFailedBackupCarriesVelerosReason() {
        BackupFailed event = (BackupFailed) BackupOutcomes.finished(backup("Failed", "bucket unreachable", 0), "shop");

        assertThat(event.failureReason()).isEqualTo("bucket unreachable");
        assertThat(codec.write(event)).isNotEmpty();
    }

    @Test
    void aValidationFailureWithoutReasonIsSummarisedFromItsErrors() {
        BackupObservation invalid = new BackupObservation("b1", "a", "FailedValidation", null, null, null, "default",
                List.of("shop"), null, null, 0, 0, null, List.of("invalid ttl", "no such location"));

        BackupFailed event = (BackupFailed) BackupOutcomes.finished(invalid, "shop");

        assertThat(event.failureReason()).isEqualTo("invalid ttl; no such location");
        assertThat(event.validationErrors()).containsExactly("invalid ttl", "no such location");
        assertThat(codec.write(event)).isNotEmpty();
    }

    @Test
    void aRunningBackupHasNoOutcome() {
        assertThatThrownBy(() -> BackupOutcomes.finished(backup("InProgress", null, 0), "shop"))
                .hasMessageContaining("still InProgress");
    }

    @Test
    void verificationNamesThePeerAndKeepsTheSourceStart() {
        BackupObservation source = backup("Completed", null, 0);
        BackupObservation onPeer = new BackupObservation(source.name(), "b", "Completed", source.startedAt(),
                source.completedAt(), source.expiresAt(), "default", source.namespaces(), 9, 9, 1, 0, null, null);
        Instant now = Instant.parse("2026-11-24T10:01:00Z");

        BackupOffsiteVerified event = BackupOutcomes.verified(source, onPeer, "shop", now);

        assertThat(event.site()).isEqualTo("a");
        assertThat(event.peerSite()).isEqualTo("b");
        assertThat(event.verifiedAt()).isEqualTo(now);
        assertThat(event.startedAt()).isEqualTo(BackupFixtures.STARTED);
        assertThat(codec.write(event)).isNotEmpty();
    }
}
