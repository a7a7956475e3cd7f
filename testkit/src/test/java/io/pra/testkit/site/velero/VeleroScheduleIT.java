package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.SiteFixtures;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupSpec;
import io.pra.velero.Schedule;
import io.pra.velero.SchedulePhase;
import io.pra.velero.ScheduleSpec;
import io.pra.velero.Velero;
import io.pra.velero.VeleroLabels;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VeleroScheduleIT {

    private static final Duration BOUND = Duration.ofSeconds(15);

    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T08:00:00Z"));
    private FakeSite site;
    private VeleroSimulator velero;

    @BeforeEach
    void start() {
        SiteFixtures.quietClientLogs();
        site = FakeSite.create("a").enforce(RbacPolicy.shipped("site-a")).start();
        SampleApp.install(site);
        velero = VeleroSimulator.builder(site, new ObjectStorage()).clock(clock).build().start();
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
    void newScheduleRunsAtOnceLikeVelero() {
        createSchedule("nightly", "0 2 * * *", false);

        await().atMost(BOUND).until(() -> backupNames().contains("nightly-20250601080000"));

        Backup backup = backup("nightly-20250601080000");
        assertThat(backup.getMetadata().getLabels()).containsEntry(VeleroLabels.SCHEDULE_NAME, "nightly");
        assertThat(backup.getSpec().getIncludedNamespaces()).containsExactly(SampleApp.SHOP);
        await().atMost(BOUND).until(() -> backup("nightly-20250601080000").getStatus() != null
                && backup("nightly-20250601080000").getStatus().getPhase() == BackupPhase.COMPLETED);
        await().atMost(BOUND).untilAsserted(() -> {
            assertThat(schedule("nightly").getStatus().getPhase()).isEqualTo(SchedulePhase.ENABLED);
            assertThat(schedule("nightly").getStatus().getLastBackup()).isEqualTo("2025-06-01T08:00:00Z");
        });
    }

    @Test
    void firesOnItsCronWhenTheClockGetsThere() {
        createSchedule("every5", "*/5 * * * *", true);
        awaitEnabled("every5");

        clock.advance(Duration.ofMinutes(4));
        velero.tick();
        assertThat(backupNames()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        velero.tick();
        assertThat(backupNames()).containsExactly("every5-20250601080500");

        clock.advance(Duration.ofMinutes(5));
        velero.tick();
        assertThat(backupNames()).containsExactlyInAnyOrder("every5-20250601080500", "every5-20250601081000");
        assertThat(velero.counters().backupsScheduled()).isEqualTo(2);
    }

    @Test
    void everyFormRunsAtFixedIntervalsFromTheLastBackup() {
        createSchedule("rpo", "@every 10m", false);
        await().atMost(BOUND).until(() -> backupNames().contains("rpo-20250601080000"));
        await().atMost(BOUND).until(() -> "2025-06-01T08:00:00Z".equals(lastBackup("rpo")));

        clock.advance(Duration.ofMinutes(9));
        velero.tick();
        assertThat(backupNames()).containsExactly("rpo-20250601080000");

        clock.advance(Duration.ofMinutes(1));
        velero.tick();
        assertThat(backupNames()).containsExactlyInAnyOrder("rpo-20250601080000", "rpo-20250601081000");
    }

    @Test
    void pausedScheduleDoesNotRun() {
        Schedule paused = scheduleObject("held", "*/5 * * * *", true);
        paused.getSpec().setPaused(true);
        site.client().resources(Schedule.class).inNamespace(Velero.DEFAULT_NAMESPACE).resource(paused).create();
        awaitEnabled("held");

        clock.advance(Duration.ofHours(1));
        velero.tick();

        assertThat(backupNames()).isEmpty();
    }

    @Test
    void invalidCronFailsValidation() {
        createSchedule("broken", "every day at noon", false);

        await().atMost(BOUND).untilAsserted(() -> {
            assertThat(schedule("broken").getStatus().getPhase()).isEqualTo(SchedulePhase.FAILED_VALIDATION);
            assertThat(schedule("broken").getStatus().getValidationErrors()).isNotEmpty();
        });
        assertThat(backupNames()).isEmpty();
    }

    private void createSchedule(String name, String cron, boolean skipImmediately) {
        site.client().resources(Schedule.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .resource(scheduleObject(name, cron, skipImmediately)).create();
    }

    private static Schedule scheduleObject(String name, String cron, boolean skipImmediately) {
        Schedule schedule = new Schedule();
        schedule.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(Velero.DEFAULT_NAMESPACE).build());
        ScheduleSpec spec = new ScheduleSpec();
        spec.setSchedule(cron);
        spec.setSkipImmediately(skipImmediately);
        BackupSpec template = new BackupSpec();
        template.setIncludedNamespaces(List.of(SampleApp.SHOP));
        template.setTtl("72h0m0s");
        spec.setTemplate(template);
        schedule.setSpec(spec);
        return schedule;
    }

    private void awaitEnabled(String name) {
        await().atMost(BOUND).until(() -> schedule(name).getStatus() != null
                && schedule(name).getStatus().getPhase() == SchedulePhase.ENABLED);
    }

    private Schedule schedule(String name) {
        return site.client().resources(Schedule.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    private String lastBackup(String name) {
        Schedule schedule = schedule(name);
        return schedule.getStatus() == null ? null : schedule.getStatus().getLastBackup();
    }

    private Backup backup(String name) {
        return site.client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    private List<String> backupNames() {
        return site.client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).list().getItems().stream()
                .map(b -> b.getMetadata().getName()).toList();
    }
}
