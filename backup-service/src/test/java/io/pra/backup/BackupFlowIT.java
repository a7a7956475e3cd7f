package io.pra.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import io.pra.backup.k8s.PraLabels;
import io.pra.backup.support.BackupSitesResource;
import io.pra.backup.support.EventTap;
import io.pra.backup.support.TestClock;
import io.pra.events.EventTypes;
import io.pra.events.Topics;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.velero.SitePair;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupSpec;
import io.pra.velero.Schedule;
import io.pra.velero.ScheduleSpec;
import io.pra.velero.Timestamps;
import io.pra.velero.VeleroLabels;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Acceptance: a schedule fires, the backup completes on site a, is catalogued and announced, then verified on b. */
@QuarkusTest
@WithTestResource(value = BackupSitesResource.class, initArgs = @ResourceArg(name = "group", value = "flow"))
class BackupFlowIT {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern LAST_SUCCESS =
            Pattern.compile("pra_backup_last_success_timestamp_seconds\\{group=\"flow\"} (\\S+)");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventTap tap;
    SitePair sites;

    @BeforeEach
    void tap() {
        tap = new EventTap(bootstrapServers, Topics.BACKUP);
        sites = TestClock.sites();
    }

    @AfterEach
    void closeTap() {
        tap.close();
        sites.assertNoCallRefused();
    }

    @Test
    void reconcilesOneOwnedScheduleOnTheSourceSite() {
        Schedule schedule = await().atMost(BOUND).until(
                () -> sites.a().client().resources(Schedule.class).withName("pra-flow").get(), s -> s != null);

        assertThat(schedule.getMetadata().getLabels()).containsEntry(PraLabels.MANAGED_BY, PraLabels.MANAGED_BY_VALUE)
                .containsEntry(PraLabels.PROTECTION_GROUP, "flow");
        assertThat(schedule.getSpec().getSchedule()).isEqualTo("@every 1h");
        assertThat(schedule.getSpec().getTemplate().getIncludedNamespaces())
                .containsExactlyElementsOf(SampleApp.NAMESPACES);
        assertThat(schedule.getSpec().getTemplate().getTtl()).isEqualTo("720h0m0s");
    }

    @Test
    void putsBackAChangedOrDeletedScheduleAndLeavesForeignOnesAlone() {
        var schedules = sites.a().client().resources(Schedule.class);
        await().atMost(BOUND).until(() -> schedules.withName("pra-flow").get(), s -> s != null);
        Schedule foreign = new Schedule();
        foreign.setMetadata(new ObjectMetaBuilder().withName("nightly")
                .withNamespace("velero").build());
        foreign.setSpec(new ScheduleSpec());
        foreign.getSpec().setSchedule("0 3 * * *");
        foreign.getSpec().setPaused(true);
        BackupSpec template = new BackupSpec();
        template.setIncludedNamespaces(List.of("shop"));
        foreign.getSpec().setTemplate(template);
        schedules.resource(foreign).create();

        schedules.withName("pra-flow").edit(s -> {
            s.getSpec().setSchedule("0 0 1 1 *");
            return s;
        });
        await().atMost(BOUND).until(() -> schedules.withName("pra-flow").get().getSpec().getSchedule(),
                "@every 1h"::equals);

        schedules.withName("pra-flow").delete();
        await().atMost(BOUND).until(() -> schedules.withName("pra-flow").get(),
                s -> s != null && "@every 1h".equals(s.getSpec().getSchedule()));

        Schedule untouched = schedules.withName("nightly").get();
        assertThat(untouched.getSpec().getSchedule()).isEqualTo("0 3 * * *");
        assertThat(untouched.getMetadata().getLabels()).isNullOrEmpty();
    }

    @Test
    void documentsTheApiInOpenApi() {
        given().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/v1/backups"))
                .body(containsString("/api/v1/groups"));
    }

    @Test
    void scheduledBackupIsCataloguedAnnouncedAndVerifiedOffSite() {
        Backup backup = await().atMost(BOUND).until(this::scheduledBackup,
                b -> b != null && b.getStatus() != null && b.getStatus().getPhase() == BackupPhase.COMPLETED);
        String name = backup.getMetadata().getName();

        List<EventTap.Received> completed = await().atMost(BOUND).until(() -> tap.matching(
                event -> event.event() instanceof BackupCompleted c && c.backupName().equals(name)), l -> !l.isEmpty());
        BackupCompleted event = (BackupCompleted) completed.get(0).event();
        assertThat(completed.get(0).key()).isEqualTo("a");
        assertThat(completed.get(0).attributes().type()).isEqualTo(EventTypes.BACKUP_COMPLETED);
        assertThat(completed.get(0).attributes().subject()).isEqualTo("a");
        assertThat(completed.get(0).attributes().source()).isEqualTo("/pra/backup-service/test-backup");
        assertThat(event.site()).isEqualTo("a");
        assertThat(event.protectionGroup()).isEqualTo("flow");
        assertThat(event.veleroPhase()).isEqualTo("Completed");
        assertThat(event.startedAt()).isEqualTo(Timestamps.parse(backup.getStatus().getStartTimestamp()));
        assertThat(event.completedAt()).isEqualTo(Timestamps.parse(backup.getStatus().getCompletionTimestamp()));
        assertThat(event.expiresAt()).isEqualTo(event.startedAt().plus(Duration.ofDays(30)));
        assertThat(event.storageLocation()).isEqualTo("default");
        assertThat(event.namespaces()).containsExactlyElementsOf(SampleApp.NAMESPACES);
        assertThat(event.itemsBackedUp()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(event.totalItems()).isEqualTo(SampleApp.ITEM_COUNT);
        assertThat(event.errors()).isZero();

        await().atMost(BOUND).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("pra_backups_completed_total{group=\"flow\",phase=\"Completed\"} 1.0");
            Matcher lastSuccess = LAST_SUCCESS.matcher(metrics);
            assertThat(lastSuccess.find()).isTrue();
            assertThat(Double.parseDouble(lastSuccess.group(1))).isEqualTo(event.completedAt().getEpochSecond());
        });
        given().queryParam("group", "flow").get("/api/v1/backups").then().statusCode(200)
                .body("name", hasItem(name));
        given().get("/api/v1/backups/" + name).then().statusCode(200)
                .body("phase", is("Completed")).body("group", is("flow"))
                .body("itemsBackedUp", is(SampleApp.ITEM_COUNT));

        sites.veleroB().syncNow();

        List<BackupOffsiteVerified> verified = await().atMost(BOUND).until(() -> tap.events(
                BackupOffsiteVerified.class, v -> v.backupName().equals(name)), l -> !l.isEmpty());
        assertThat(verified.get(0).peerSite()).isEqualTo("b");
        assertThat(verified.get(0).site()).isEqualTo("a");
        assertThat(verified.get(0).protectionGroup()).isEqualTo("flow");
        assertThat(verified.get(0).startedAt()).isEqualTo(event.startedAt());
        assertThat(verified.get(0).verifiedAt()).isEqualTo(TestClock.clock().instant());

        given().get("/api/v1/backups/" + name).then().statusCode(200)
                .body("verifications.peerSite", hasItem("b"));
        await().atMost(BOUND).untilAsserted(() -> given().get("/api/v1/groups").then().statusCode(200)
                .body("find { it.name == 'flow' }.lastVerifiedBackup", is(name)));
        assertThat(tap.matching(e -> e.event() instanceof BackupCompleted c && c.backupName().equals(name)))
                .hasSize(1);
    }

    private Backup scheduledBackup() {
        return sites.a().client().resources(Backup.class).withLabel(VeleroLabels.SCHEDULE_NAME, "pra-flow").list()
                .getItems().stream().findFirst().orElse(null);
    }
}
