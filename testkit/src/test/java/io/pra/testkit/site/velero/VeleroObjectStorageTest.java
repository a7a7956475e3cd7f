package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class VeleroObjectStorageTest {

    private final ObjectStorage storage = new ObjectStorage();

    @Test
    void backupsAreListedPerBucketByName() {
        storage.put("pra-backups", stored("b2"));
        storage.put("pra-backups", stored("b1"));
        storage.put("other/prefix", stored("b3"));

        assertThat(storage.list("pra-backups")).extracting(StoredBackup::name).containsExactly("b1", "b2");
        assertThat(storage.list("nowhere")).isEmpty();
        assertThat(storage.buckets()).containsExactlyInAnyOrder("pra-backups", "other/prefix");
    }

    @Test
    void readersGetCopiesTheyCannotCorrupt() {
        storage.put("pra-backups", stored("b1"));

        StoredBackup read = storage.get("pra-backups", "b1").orElseThrow();
        read.backup().getStatus().setPhase(BackupPhase.FAILED);
        read.items().get(0).getMetadata().setName("changed");

        StoredBackup again = storage.get("pra-backups", "b1").orElseThrow();
        assertThat(again.backup().getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
        assertThat(again.items()).extracting(item -> item.getMetadata().getName()).containsExactly("web", "settings");
    }

    @Test
    void itemsComeBackTyped() {
        storage.put("pra-backups", stored("b1"));

        List<HasMetadata> items = storage.get("pra-backups", "b1").orElseThrow().items();

        assertThat(items.get(0)).isInstanceOf(Deployment.class);
        assertThat(((Deployment) items.get(0)).getSpec().getReplicas()).isEqualTo(2);
    }

    @Test
    void deleteRemovesTheBackup() {
        storage.put("pra-backups", stored("b1"));

        assertThat(storage.delete("pra-backups", "b1")).isTrue();
        assertThat(storage.delete("pra-backups", "b1")).isFalse();
        assertThat(storage.get("pra-backups", "b1")).isEmpty();
        assertThat(storage.buckets()).isEmpty();
    }

    private static StoredBackup stored(String name) {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("velero").build());
        BackupStatus status = new BackupStatus();
        status.setPhase(BackupPhase.COMPLETED);
        backup.setStatus(status);
        return StoredBackup.of(backup, List.of(
                new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                        .withNewSpec().withReplicas(2).endSpec().build(),
                new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("shop").endMetadata()
                        .build()), "a");
    }
}
