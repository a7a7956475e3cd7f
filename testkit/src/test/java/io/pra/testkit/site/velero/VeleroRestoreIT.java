package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.SiteFixtures;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.Restore;
import io.pra.velero.RestorePhase;
import io.pra.velero.RestoreSpec;
import io.pra.velero.RestoreStatus;
import io.pra.velero.Velero;
import io.pra.velero.VeleroLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VeleroRestoreIT {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T08:00:00Z"));
    private SitePair sites;

    @BeforeEach
    void start() {
        SiteFixtures.quietClientLogs();
        sites = SitePair.builder().clock(clock).enforceShippedRbac().start();
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
    void backupCompletedOnAAppearsOnBSyncedWithItsTimestamps() {
        Backup onA = backupOnA("nightly-1");

        await().atMost(BOUND).until(() -> backup(sites.b().client(), "nightly-1") != null);

        Backup onB = backup(sites.b().client(), "nightly-1");
        assertThat(onB.getMetadata().getLabels()).containsEntry(VeleroLabels.STORAGE_LOCATION, "default");
        assertThat(onB.getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
        assertThat(onB.getStatus().getStartTimestamp()).isEqualTo(onA.getStatus().getStartTimestamp());
        assertThat(onB.getStatus().getCompletionTimestamp()).isEqualTo(onA.getStatus().getCompletionTimestamp());
        assertThat(onB.getStatus().getProgress()).isEqualTo(onA.getStatus().getProgress());
        assertThat(sites.veleroB().counters().backupsSynced()).isEqualTo(1);
        // Site B's Velero took no backup of its own: the synced one is not reprocessed.
        assertThat(sites.veleroB().counters().backupsStarted()).isZero();
    }

    @Test
    void restoreOnBRecreatesWorkloadsInMappedNamespacesWhichBecomeReady() {
        backupOnA("nightly-1");
        sites.veleroB().syncNow();

        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        spec.setNamespaceMapping(Map.of(SampleApp.SHOP, "drill-shop", SampleApp.PAYMENTS, "drill-payments"));
        createRestore("drill-1", spec);

        await().atMost(BOUND).until(() -> restorePhase("drill-1") == RestorePhase.COMPLETED);
        RestoreStatus status = restore("drill-1").getStatus();
        assertThat(status.getProgress().getTotalItems()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(status.getProgress().getItemsRestored()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(status.getStartTimestamp()).isNotNull();
        assertThat(status.getCompletionTimestamp()).isNotNull();

        KubernetesClient b = sites.b().client();
        assertThat(b.namespaces().withName("drill-shop").get()).isNotNull();
        assertThat(b.namespaces().withName(SampleApp.SHOP).get()).isNull();
        assertThat(b.services().inNamespace("drill-shop").withName("web").get().getSpec().getClusterIP()).isNull();
        await().atMost(BOUND).untilAsserted(() -> {
            for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
                Deployment restored = b.apps().deployments().inNamespace("drill-" + workload.namespace())
                        .withName(workload.name()).get();
                assertThat(restored.getMetadata().getLabels())
                        .containsEntry(VeleroLabels.BACKUP_NAME, "nightly-1")
                        .containsEntry(VeleroLabels.RESTORE_NAME, "drill-1");
                assertThat(restored.getStatus()).as("status of %s", workload).isNotNull();
                assertThat(restored.getStatus().getReadyReplicas()).isEqualTo(restored.getSpec().getReplicas());
                assertThat(restored.getStatus().getConditions())
                        .anySatisfy(c -> assertThat(c.getType() + "=" + c.getStatus()).isEqualTo("Available=True"));
            }
        });
        assertThat(sites.veleroB().counters().restoresOf("nightly-1")).isEqualTo(1);
        assertThat(sites.veleroB().counters().restoresFinished(RestorePhase.COMPLETED)).isEqualTo(1);
    }

    @Test
    void includedNamespacesLimitTheRestore() {
        backupOnA("nightly-1");
        sites.veleroB().syncNow();
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        spec.setIncludedNamespaces(List.of(SampleApp.PAYMENTS));
        createRestore("payments-only", spec);

        await().atMost(BOUND).until(() -> restorePhase("payments-only") == RestorePhase.COMPLETED);

        assertThat(sites.b().client().apps().deployments().inAnyNamespace().list().getItems())
                .extracting(d -> d.getMetadata().getNamespace() + "/" + d.getMetadata().getName())
                .containsExactly("payments/worker");
    }

    @Test
    void restoreOfABackupUnknownOnTheSiteFailsWithAReason() {
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("never-taken");
        createRestore("r-unknown", spec);

        await().atMost(BOUND).until(() -> restorePhase("r-unknown") == RestorePhase.FAILED_VALIDATION);

        RestoreStatus status = restore("r-unknown").getStatus();
        assertThat(status.getFailureReason()).contains("never-taken").contains("not found");
        assertThat(status.getValidationErrors()).singleElement().asString().contains("never-taken");
        assertThat(sites.veleroB().counters().restoresStarted()).isZero();
    }

    @Test
    void injectedRestoreFailureEndsFailedAndCreatesNothing() {
        backupOnA("nightly-1");
        sites.veleroB().syncNow();
        sites.veleroB().faults().inject(Operation.RESTORE, Fault.fail("timed out waiting for plugin"), 1);
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        createRestore("r-fail", spec);

        await().atMost(BOUND).until(() -> restorePhase("r-fail") == RestorePhase.FAILED);

        assertThat(restore("r-fail").getStatus().getFailureReason()).isEqualTo("timed out waiting for plugin");
        assertThat(sites.b().client().apps().deployments().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void partiallyFailedRestoreReportsErrors() {
        backupOnA("nightly-1");
        sites.veleroB().syncNow();
        sites.veleroB().faults().inject(Operation.RESTORE, Fault.partiallyFail(), 1);
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        createRestore("r-partial", spec);

        await().atMost(BOUND).until(() -> restorePhase("r-partial") == RestorePhase.PARTIALLY_FAILED);

        assertThat(restore("r-partial").getStatus().getErrors()).isEqualTo(1);
    }

    @Test
    void hangingRestoreStaysInProgressUntilReleased() {
        backupOnA("nightly-1");
        sites.veleroB().syncNow();
        sites.veleroB().faults().injectUntilCleared(Operation.RESTORE, Fault.hang());
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        createRestore("r-hang", spec);

        await().atMost(BOUND).until(() -> sites.veleroB().faults().hanging(Operation.RESTORE).contains("r-hang"));
        await().during(Duration.ofSeconds(1)).atMost(BOUND)
                .until(() -> restorePhase("r-hang") == RestorePhase.IN_PROGRESS);
        assertThat(sites.b().client().apps().deployments().inAnyNamespace().list().getItems()).isEmpty();

        sites.veleroB().faults().release(Operation.RESTORE, "r-hang");
        await().atMost(BOUND).until(() -> restorePhase("r-hang") == RestorePhase.COMPLETED);
    }

    @Test
    void existingObjectsAreLeftAloneWithAWarning() {
        backupOnA("nightly-1");
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName("nightly-1");
        spec.setIncludedNamespaces(List.of(SampleApp.PAYMENTS));
        // Restoring on A itself: everything still exists there.
        sites.a().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .resource(restoreObject("in-place", spec)).create();

        await().atMost(BOUND).until(() -> {
            Restore restore = sites.a().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                    .withName("in-place").get();
            return restore.getStatus() != null && restore.getStatus().getPhase() == RestorePhase.COMPLETED;
        });
        assertThat(sites.a().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .withName("in-place").get().getStatus().getWarnings()).as("its ConfigMap, Deployment and StatefulSet")
                .isEqualTo(3);
    }

    private Backup backupOnA(String name) {
        sites.a().client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .resource(SiteFixtures.backup(name, SampleApp.SHOP, SampleApp.PAYMENTS)).create();
        await().atMost(BOUND).until(() -> {
            Backup backup = backup(sites.a().client(), name);
            return backup.getStatus() != null && backup.getStatus().getPhase() == BackupPhase.COMPLETED;
        });
        return backup(sites.a().client(), name);
    }

    private static Backup backup(KubernetesClient client, String name) {
        return client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    private void createRestore(String name, RestoreSpec spec) {
        sites.b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .resource(restoreObject(name, spec)).create();
    }

    private static Restore restoreObject(String name, RestoreSpec spec) {
        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Velero.DEFAULT_NAMESPACE).build());
        restore.setSpec(spec);
        return restore;
    }

    private Restore restore(String name) {
        return sites.b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    private RestorePhase restorePhase(String name) {
        Restore restore = restore(name);
        return restore == null || restore.getStatus() == null ? null : restore.getStatus().getPhase();
    }
}
