package io.pra.backup.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.backup.domain.BackupObservation;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupProgress;
import io.pra.velero.BackupSpec;
import io.pra.velero.BackupStatus;

class BackupReaderTest {

    @Test
    void readsACompletedBackup() {
        Backup backup = backup(BackupPhase.COMPLETED, "2026-11-24T10:00:00Z", "2026-11-24T10:00:42Z");

        BackupObservation read = BackupReader.read("a", backup);

        assertThat(read.phase()).isEqualTo("Completed");
        assertThat(read.startedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
        assertThat(read.completedAt()).isEqualTo(Instant.parse("2026-11-24T10:00:42Z"));
        assertThat(read.itemsBackedUp()).isEqualTo(9);
        assertThat(read.namespaces()).containsExactly("shop");
        assertThat(read.storageLocation()).isEqualTo("default");
    }

    @Test
    void aNewBackupWithoutStatusIsNew() {
        Backup backup = backup(null, null, null);
        backup.setStatus(null);

        assertThat(BackupReader.read("a", backup).phase()).isEqualTo("New");
    }

    @Test
    void refusesGarbageTimestampsNamingTheBackupAndField() {
        Backup backup = backup(BackupPhase.COMPLETED, "yesterday-ish", "2026-11-24T10:00:42Z");

        assertThatThrownBy(() -> BackupReader.read("a", backup)).isInstanceOf(MalformedBackupException.class)
                .hasMessageContaining("broken").hasMessageContaining("status.startTimestamp")
                .hasMessageContaining("yesterday-ish");
    }

    @Test
    void refusesAFinishedBackupWithoutItsTimes() {
        Backup backup = backup(BackupPhase.COMPLETED, null, null);

        assertThatThrownBy(() -> BackupReader.read("a", backup)).isInstanceOf(MalformedBackupException.class)
                .hasMessageContaining("without status.startTimestamp");
    }

    private static Backup backup(BackupPhase phase, String started, String completed) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName("broken").withNamespace("velero").build());
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(List.of("shop"));
        backup.setSpec(spec);
        BackupStatus status = new BackupStatus();
        status.setPhase(phase);
        status.setStartTimestamp(started);
        status.setCompletionTimestamp(completed);
        BackupProgress progress = new BackupProgress();
        progress.setItemsBackedUp(9);
        progress.setTotalItems(9);
        status.setProgress(progress);
        backup.setStatus(status);
        return backup;
    }
}
