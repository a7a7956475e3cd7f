package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.testkit.site.OutageKind;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.SiteFixtures;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.Restore;
import io.pra.velero.RestorePhase;
import io.pra.velero.RestoreSpec;
import io.pra.velero.Velero;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VeleroOutageIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    private SitePair sites;

    @BeforeEach
    void start() {
        SiteFixtures.quietClientLogs();
        sites = SitePair.builder().enforceShippedRbac().start();
        SampleApp.install(sites.a());
    }

    @AfterEach
    void stop() {
        try {
            sites.assertNoCallRefused();
        } finally {
            sites.close();
        }
    }

    @Test
    void backupFinishingDuringAnOutageIsRecordedWhenTheSiteComesBack() {
        sites.veleroA().faults().inject(Operation.BACKUP, Fault.hang(), 1);
        createBackup(sites.a().client(), "during-outage");
        await().atMost(BOUND).until(() -> sites.veleroA().faults().hanging(Operation.BACKUP).contains("during-outage"));

        sites.a().outage(OutageKind.DOWN);
        sites.veleroA().faults().release(Operation.BACKUP);
        await().atMost(BOUND).until(() -> sites.storage().get(VeleroSimulator.DEFAULT_BUCKET, "during-outage")
                .isPresent());
        sites.a().recover();

        await().atMost(BOUND).until(() -> backupPhase(sites.a().client(), "during-outage") == BackupPhase.COMPLETED);
        assertThat(sites.veleroA().counters().backupsFinished(BackupPhase.COMPLETED)).isEqualTo(1);
    }

    @Test
    void standbyThatWasUnavailableSyncsAndRestoresAfterRecovery() {
        sites.b().outage(OutageKind.UNAVAILABLE);
        createBackup(sites.a().client(), "while-b-away");
        await().atMost(BOUND).until(() -> backupPhase(sites.a().client(), "while-b-away") == BackupPhase.COMPLETED);

        sites.b().recover();
        await().atMost(BOUND).until(() -> backupPhase(sites.b().client(), "while-b-away") == BackupPhase.COMPLETED);

        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName("after-recovery")
                .withNamespace(Velero.DEFAULT_NAMESPACE).build());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("while-b-away");
        restore.setSpec(spec);
        sites.b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE).resource(restore).create();

        await().atMost(BOUND).until(() -> {
            Restore current = sites.b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                    .withName("after-recovery").get();
            return current.getStatus() != null && current.getStatus().getPhase() == RestorePhase.COMPLETED;
        });
        assertThat(sites.b().client().apps().deployments().inNamespace(SampleApp.SHOP).list().getItems()).hasSize(2);
    }

    private static void createBackup(KubernetesClient client, String name) {
        client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .resource(SiteFixtures.backup(name, SampleApp.SHOP, SampleApp.PAYMENTS)).create();
    }

    private static BackupPhase backupPhase(KubernetesClient client, String name) {
        Backup backup = client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
        return backup == null || backup.getStatus() == null ? null : backup.getStatus().getPhase();
    }
}
