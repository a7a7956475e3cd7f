package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.SiteFixtures;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupStatus;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.BackupStorageLocationPhase;
import io.pra.velero.Timestamps;
import io.pra.velero.Velero;
import io.pra.velero.VeleroLabels;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VeleroBackupIT {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private final ObjectStorage storage = new ObjectStorage();
    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T08:00:00Z"));
    private FakeSite site;
    private VeleroSimulator velero;

    @BeforeEach
    void start() {
        SiteFixtures.quietClientLogs();
        site = FakeSite.create("a").enforce(RbacPolicy.shipped("site-a")).start();
        SampleApp.install(site);
        velero = VeleroSimulator.builder(site, storage).clock(clock).build().start();
    }

    @AfterEach
    void stop() {
        try {
            site.schemaLog().assertNoneRefusedOrPruned("site " + site.id());
        } finally {
            velero.close();
            site.close();
        }
    }

    @Test
    void backupGoesThroughInProgressToCompletedWithTimestampsAndCounts() {
        create(SiteFixtures.backup("b1", SampleApp.SHOP, SampleApp.PAYMENTS));

        await().atMost(BOUND).until(() -> phase("b1") == BackupPhase.IN_PROGRESS || phase("b1") == BackupPhase.COMPLETED);
        clock.advance(Duration.ofSeconds(42));
        await().atMost(BOUND).until(() -> phase("b1") == BackupPhase.COMPLETED);

        Backup done = get("b1");
        BackupStatus status = done.getStatus();
        assertThat(status.getStartTimestamp()).isEqualTo("2025-06-01T08:00:00Z");
        assertThat(Timestamps.parse(status.getCompletionTimestamp())).isAfterOrEqualTo(Timestamps.parse(status.getStartTimestamp()));
        assertThat(status.getExpiration()).isEqualTo("2025-07-01T08:00:00Z");
        assertThat(status.getProgress().getTotalItems()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(status.getProgress().getItemsBackedUp()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(status.getErrors()).isZero();
        assertThat(done.getSpec().getStorageLocation()).isEqualTo(Velero.DEFAULT_STORAGE_LOCATION);
        assertThat(done.getSpec().getTtl()).isEqualTo(Velero.DEFAULT_TTL);
        assertThat(done.getMetadata().getLabels()).containsEntry(VeleroLabels.STORAGE_LOCATION, "default");
        assertThat(storage.get(VeleroSimulator.DEFAULT_BUCKET, "b1")).hasValueSatisfying(stored -> {
            assertThat(stored.itemCount()).isEqualTo(SampleApp.ITEM_COUNT);
            assertThat(stored.backup().getStatus().getPhase()).isEqualTo(BackupPhase.COMPLETED);
            assertThat(stored.sourceSite()).isEqualTo("a");
        });
        assertThat(velero.counters().backupsStarted()).isEqualTo(1);
        assertThat(velero.counters().backupsFinished(BackupPhase.COMPLETED)).isEqualTo(1);
    }

    @Test
    void defaultStorageLocationIsCreatedAndAvailable() {
        await().atMost(BOUND).untilAsserted(() -> {
            BackupStorageLocation location = site.client().resources(BackupStorageLocation.class)
                    .inNamespace(Velero.DEFAULT_NAMESPACE).withName(Velero.DEFAULT_STORAGE_LOCATION).get();
            assertThat(location.getSpec().getObjectStorage().getBucket()).isEqualTo(VeleroSimulator.DEFAULT_BUCKET);
            assertThat(location.getStatus().getPhase()).isEqualTo(BackupStorageLocationPhase.AVAILABLE);
            assertThat(location.getStatus().getLastValidationTime()).isNotNull();
        });
    }

    @Test
    void ttlSetsExpiration() {
        Backup backup = SiteFixtures.backup("short", SampleApp.SHOP);
        backup.getSpec().setTtl("24h0m0s");
        create(backup);

        await().atMost(BOUND).until(() -> phase("short") == BackupPhase.COMPLETED);

        assertThat(get("short").getStatus().getExpiration()).isEqualTo("2025-06-02T08:00:00Z");
    }

    @Test
    void labelSelectorLimitsWhatIsCaptured() {
        Backup backup = SiteFixtures.backup("web-only", SampleApp.SHOP);
        backup.getSpec().setLabelSelector(new LabelSelectorBuilder()
                .addToMatchLabels("app", "web").build());
        create(backup);

        await().atMost(BOUND).until(() -> phase("web-only") == BackupPhase.COMPLETED);

        // The shop namespace and the web Deployment; the Service selects app=web but is not labelled with it.
        assertThat(storage.get(VeleroSimulator.DEFAULT_BUCKET, "web-only").orElseThrow().items())
                .extracting(item -> item.getKind() + "/" + item.getMetadata().getName())
                .containsExactly("Namespace/shop", "Deployment/web");
    }

    @Test
    void unknownStorageLocationFailsValidation() {
        Backup backup = SiteFixtures.backup("nowhere", SampleApp.SHOP);
        backup.getSpec().setStorageLocation("offsite-2");
        create(backup);

        await().atMost(BOUND).until(() -> phase("nowhere") == BackupPhase.FAILED_VALIDATION);

        assertThat(get("nowhere").getStatus().getValidationErrors()).singleElement().asString().contains("offsite-2");
        assertThat(velero.counters().backupsStarted()).isZero();
    }

    @Test
    void partialFailureEndsPartiallyFailedWithErrors() {
        velero.faults().inject(Operation.BACKUP, Fault.partiallyFail(2, "pods \"web-1\" not found"), 1);
        create(SiteFixtures.backup("partial", SampleApp.SHOP));

        await().atMost(BOUND).until(() -> phase("partial") == BackupPhase.PARTIALLY_FAILED);

        BackupStatus status = get("partial").getStatus();
        assertThat(status.getErrors()).isEqualTo(2);
        assertThat(status.getFailureReason()).contains("web-1");
        assertThat(storage.get(VeleroSimulator.DEFAULT_BUCKET, "partial")).isPresent();
    }

    @Test
    void failureEndsFailedWithReasonAndOnlyTheNextOperationIsHit() {
        velero.faults().inject(Operation.BACKUP, Fault.fail("object storage unreachable"), 1);
        create(SiteFixtures.backup("failed", SampleApp.SHOP));
        await().atMost(BOUND).until(() -> phase("failed") == BackupPhase.FAILED);

        create(SiteFixtures.backup("after", SampleApp.SHOP));
        await().atMost(BOUND).until(() -> phase("after") == BackupPhase.COMPLETED);

        assertThat(get("failed").getStatus().getFailureReason()).isEqualTo("object storage unreachable");
        assertThat(get("failed").getStatus().getCompletionTimestamp()).isNotNull();
        assertThat(velero.counters().backupsFinished(BackupPhase.FAILED)).isEqualTo(1);
        assertThat(velero.faults().pending(Operation.BACKUP)).isZero();
    }

    @Test
    void hangingBackupStaysInProgressUntilReleased() {
        velero.faults().inject(Operation.BACKUP, Fault.hang(), 1);
        create(SiteFixtures.backup("stuck", SampleApp.SHOP));

        await().atMost(BOUND).until(() -> velero.faults().hanging(Operation.BACKUP).contains("stuck"));
        await().during(Duration.ofSeconds(1)).atMost(BOUND).until(() -> phase("stuck") == BackupPhase.IN_PROGRESS);

        assertThat(velero.faults().release(Operation.BACKUP)).isEqualTo(1);
        await().atMost(BOUND).until(() -> phase("stuck") == BackupPhase.COMPLETED);
    }

    @Test
    void slowBackupTakesLonger() {
        velero.faults().inject(Operation.BACKUP, Fault.slow(10), 1);
        create(SiteFixtures.backup("slow", SampleApp.SHOP));

        // Usual duration 300 ms; ten times that keeps it InProgress for a good second.
        await().during(Duration.ofMillis(1_500)).atMost(BOUND).until(() -> phase("slow") == BackupPhase.IN_PROGRESS);
        await().atMost(BOUND).until(() -> phase("slow") == BackupPhase.COMPLETED);
    }

    @Test
    void restartedVeleroFailsBackupsLeftInProgress() {
        velero.faults().inject(Operation.BACKUP, Fault.hang(), 1);
        create(SiteFixtures.backup("orphan", SampleApp.SHOP));
        await().atMost(BOUND).until(() -> phase("orphan") == BackupPhase.IN_PROGRESS);

        velero.close();
        velero = VeleroSimulator.builder(site, storage).clock(clock).build().start();

        await().atMost(BOUND).until(() -> phase("orphan") == BackupPhase.FAILED);
        assertThat(get("orphan").getStatus().getFailureReason()).contains("during the server starting");
    }

    private void create(Backup backup) {
        site.client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).resource(backup).create();
    }

    private Backup get(String name) {
        return site.client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    private BackupPhase phase(String name) {
        Backup backup = get(name);
        return backup == null || backup.getStatus() == null ? null : backup.getStatus().getPhase();
    }
}
