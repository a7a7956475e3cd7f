package io.pra.backup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.pra.backup.k8s.PraLabels;
import io.pra.backup.support.BackupSitesResource;
import io.pra.backup.support.EventTap;
import io.pra.backup.support.TestClock;
import io.pra.events.Topics;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.pra.testkit.site.velero.Fault;
import io.pra.testkit.site.velero.Operation;
import io.pra.testkit.site.velero.SitePair;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupStatus;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Acceptance: failed and partially failed backups are announced as such; malformed Backups are skipped. */
@QuarkusTest
@WithTestResource(value = BackupSitesResource.class, initArgs = @ResourceArg(name = "group", value = "faults"))
class BackupFailureIT {

    private static final Duration BOUND = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    EventTap tap;
    SitePair sites;

    @BeforeEach
    void setUp() {
        tap = new EventTap(bootstrapServers, Topics.BACKUP);
        sites = TestClock.sites();
        // The schedule's immediate backup must have taken its turn, so the injected fault hits ours.
        await().atMost(BOUND).until(() -> {
            List<Backup> backups = sites.a().client().resources(Backup.class).list().getItems();
            return !backups.isEmpty() && backups.stream().allMatch(b -> b.getStatus() != null
                    && b.getStatus().getPhase() != null && b.getStatus().getPhase().isTerminal());
        });
    }

    @AfterEach
    void tearDown() {
        sites.veleroA().faults().clearAll();
        tap.close();
        sites.assertNoCallRefused();
    }

    @Test
    void anInjectedFailureIsPublishedWithVelerosReason() {
        sites.veleroA().faults().inject(Operation.BACKUP, Fault.fail("object storage unreachable"), 1);

        String name = trigger();

        List<BackupFailed> failed = await().atMost(BOUND).until(
                () -> tap.events(BackupFailed.class, f -> f.backupName().equals(name)), l -> !l.isEmpty());
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).failureReason()).isEqualTo("object storage unreachable");
        assertThat(failed.get(0).veleroPhase()).isEqualTo("Failed");
        assertThat(failed.get(0).protectionGroup()).isEqualTo("faults");
        assertThat(failed.get(0).site()).isEqualTo("a");
        given().get("/api/v1/backups/" + name).then().statusCode(200).body("phase", is("Failed"))
                .body("failureReason", is("object storage unreachable"));
        assertThat(tap.events(BackupCompleted.class, c -> c.backupName().equals(name))).isEmpty();
        given().queryParam("group", "faults").queryParam("phase", "Failed").get("/api/v1/backups").then()
                .statusCode(200).body("name", hasItem(name)).body("phase", everyItem(is("Failed")));
        given().queryParam("group", "faults").queryParam("limit", 1).get("/api/v1/backups").then()
                .statusCode(200).body("size()", is(1));
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("pra_backups_failed_total{group=\"faults\"}");
    }

    @Test
    void aPartialFailureIsReportedAsSuchWithCounts() {
        sites.veleroA().faults().inject(Operation.BACKUP, Fault.partiallyFail(2, "2 items failed"), 1);

        String name = trigger();

        List<BackupCompleted> completed = await().atMost(BOUND).until(
                () -> tap.events(BackupCompleted.class, c -> c.backupName().equals(name)), l -> !l.isEmpty());
        assertThat(completed.get(0).veleroPhase()).isEqualTo("PartiallyFailed");
        assertThat(completed.get(0).errors()).isEqualTo(2);
        assertThat(completed.get(0).totalItems()).isPositive();
        assertThat(completed.get(0).itemsBackedUp()).isPositive();
        given().get("/api/v1/backups/" + name).then().statusCode(200).body("phase", is("PartiallyFailed"))
                .body("errors", is(2));
    }

    @Test
    void aMalformedBackupIsSkippedAndTheInformerKeepsGoing() {
        sites.veleroA().faults().inject(Operation.BACKUP, Fault.hang(), 1);
        Backup broken = new Backup();
        broken.setMetadata(new ObjectMetaBuilder().withName("pra-faults-broken").withNamespace("velero")
                .addToLabels(PraLabels.MANAGED_BY, PraLabels.MANAGED_BY_VALUE)
                .addToLabels(PraLabels.PROTECTION_GROUP, "faults").build());
        BackupStatus status = new BackupStatus();
        status.setPhase(BackupPhase.COMPLETED);
        broken.setStatus(status);
        // Completed without the times Velero records: the CRD allows that (a timestamp that is not a date-time it
        // refuses), the catalog cannot use it. The hanging fault keeps the simulator's hands off it.
        sites.a().client().resources(Backup.class).resource(broken).create();
        sites.veleroA().faults().clearAll();

        String name = trigger();

        await().atMost(BOUND).until(
                () -> tap.events(BackupCompleted.class, c -> c.backupName().equals(name)), l -> !l.isEmpty());
        given().get("/api/v1/backups/pra-faults-broken").then().statusCode(404);
        assertThat(tap.matching(e -> e.event().site().equals("a")).stream()
                .filter(e -> e.event().toString().contains("pra-faults-broken"))).isEmpty();
    }

    @Test
    void onDemandBackupsRejectBadRequests() {
        given().contentType(ContentType.JSON).body("{\"group\": \"nope\"}").post("/api/v1/backups").then()
                .statusCode(404).body("error", containsString("nope"));
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/backups").then()
                .statusCode(400).body("error", containsString("group"));
        given().contentType(ContentType.JSON).post("/api/v1/backups").then().statusCode(400);
        given().get("/api/v1/backups?limit=0").then().statusCode(400).body("error", containsString("limit"));
    }

    private String trigger() {
        return given().contentType(ContentType.JSON).body("{\"group\": \"faults\"}").post("/api/v1/backups")
                .then().statusCode(202).body("name", startsWith("pra-faults-manual-")).extract().path("name");
    }
}
