package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.SITE;
import static io.pra.failover.it.EventFixtures.down;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.Topics;
import io.pra.events.failover.DrillCompleted;
import io.pra.events.failover.DrillStarted;
import io.pra.events.failover.DrillVerdict;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.events.failover.Trigger;
import io.pra.failover.drill.DrillRefused;
import io.pra.failover.drill.DrillService;
import io.pra.failover.service.BackupCatalog;
import io.pra.failover.service.VoteService;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.velero.Fault;
import io.pra.testkit.site.velero.Operation;
import io.pra.velero.Backup;
import io.pra.velero.Timestamps;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Drills on real Kafka, PostgreSQL and two fake sites: a drill restores the sample app into {@code drill-*}
 * namespaces on site b, verifies, scores and cleans up without touching site a or the DNSEndpoint; a failover
 * pre-empts it. The service's executor is off, so a decided failover stays running for the pre-emption test. Shares
 * its application and sites with {@link ExecutorCrashIT} (same resource, same arguments; drills take no lock).
 */
@QuarkusTest
@WithTestResource(value = FailoverSitesResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_no_executor"),
        @ResourceArg(name = "executor", value = "false"),
        @ResourceArg(name = "lock-timeout", value = "PT3S")})
class DrillIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration BACKUP_AGE = Duration.ofMinutes(2);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    BackupCatalog catalog;

    @Inject
    VoteService votes;

    private final TestObservers observers = TestObservers.fromConfig();

    @Inject
    DrillService drills;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaFixtures kafka;

    @BeforeEach
    void aBackupOfSiteAVisibleOnB() throws SQLException {
        execute("TRUNCATE site_vote, observer_boot, failover_run, failover_phase, backup_seen, audit_entry, drill_run; "
                + "UPDATE site SET epoch = 0, mode = 'AUTO'");
        FailoverSites.resetSites();
        Backup backup = FailoverSites.backupVisibleOnTarget();
        clock.set(Timestamps.parse(backup.getStatus().getStartTimestamp()).plus(BACKUP_AGE)
                .truncatedTo(ChronoUnit.SECONDS));
        catalog.onBackupEvent(UUID.randomUUID(), FailoverSites.offsiteVerified(backup, clock.instant()));
        kafka = new KafkaFixtures(bootstrap, clock);
    }

    @AfterEach
    void close() {
        kafka.close();
        FailoverSites.assertNoCallRefused();
    }

    @Test
    void aDrillRestoresIntoDrillNamespacesScoresCleansUpAndNeverTouchesSiteAOrDns() {
        String dnsVersion = FailoverSites.dnsEndpoint().get().getMetadata().getResourceVersion();
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();

        DrillStarted started = drills.start(SITE, "alice");
        DrillCompleted completed = awaitCompleted(started);

        assertThat(started.namespaceMapping()).isEqualTo(Map.of("shop", "drill-shop", "payments", "drill-payments"));
        assertThat(completed.verdict()).isEqualTo(DrillVerdict.PASSED);
        assertThat(completed.score()).isEqualTo(100);
        assertThat(completed.findings()).isEmpty();
        assertThat(completed.failureReason()).isNull();
        assertThat(completed.cleanedUp()).isTrue();
        assertThat(completed.rpoAchieved()).isEqualTo(Duration.between(started.chosenBackup().startedAt(),
                started.startedAt()));
        assertThat(completed.rtoAchieved()).isNotNull();
        assertThat(completed.phaseDurations()).extracting(PhaseDuration::phase)
                .containsExactly(FailoverPhase.RESTORE, FailoverPhase.VERIFY);
        List<FailoverStep> steps = kafka.events(Topics.FAILOVER, FailoverStep.class).stream()
                .filter(step -> step.failoverId().equals(started.failoverId())).toList();
        assertThat(steps).allMatch(step -> step.trigger() == Trigger.DRILL);
        assertThat(steps).filteredOn(step -> step.phase() == FailoverPhase.VERIFY
                && step.status() == StepStatus.SUCCEEDED).singleElement()
                .satisfies(step -> assertThat(step.outcome()).contains("5 workloads ready")
                        .contains("drill-shop, drill-payments"));

        assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isEqualTo(1);
        var b = FailoverSites.sites().b().client();
        assertThat(b.namespaces().withName("drill-shop").get()).isNull();
        assertThat(b.namespaces().withName("drill-payments").get()).isNull();
        assertThat(b.apps().deployments().inNamespace("drill-shop").list().getItems()).isEmpty();
        assertThat(b.apps().deployments().inNamespace(SampleApp.SHOP).list().getItems()).isEmpty();
        for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
            assertThat(FailoverSites.sites().a().client().apps().deployments().inNamespace(workload.namespace())
                    .withName(workload.name()).get().getSpec().getReplicas()).isEqualTo(2);
        }
        assertThat(FailoverSites.dnsEndpoint().get().getMetadata().getResourceVersion()).isEqualTo(dnsVersion);
        assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.SOURCE_ADDRESS);
    }

    @Test
    void aFailoverPreemptsARunningDrillAndNoDrillStartsDuringAFailover() {
        FailoverSites.sites().veleroB().faults().inject(Operation.RESTORE, Fault.hang(), 1);
        DrillStarted started = drills.start(SITE, "alice");
        await().atMost(WAIT).until(() -> !FailoverSites.sites().veleroB().faults().hanging(Operation.RESTORE)
                .isEmpty());

        FailoverDecided decided = decide();
        DrillCompleted completed = awaitCompleted(started);

        assertThat(completed.verdict()).isEqualTo(DrillVerdict.FAILED);
        assertThat(completed.score()).isZero();
        assertThat(completed.failureReason()).isEqualTo("pre-empted by failover " + decided.failoverId());
        assertThat(completed.rtoAchieved()).isNull();
        assertThat(completed.cleanedUp()).isTrue();
        assertThatThrownBy(() -> drills.start(SITE, "bob")).isInstanceOf(DrillRefused.class)
                .hasMessageContaining("failover");
    }

    @Test
    void operatorsStartAndReadDrillsThroughTheApiAndTheStartIsAudited() throws SQLException {
        String body = ApiFixtures.operator("carol").contentType("application/json").body("{\"site\":\"" + SITE + "\"}")
                .post("/api/v1/drills")
                .then().statusCode(202)
                .body("siteId", is(SITE)).body("requestedBy", is("carol")).body("status", is("RUNNING"))
                .body("namespaceMapping.shop", is("drill-shop"))
                .extract().path("drillId");
        UUID drillId = UUID.fromString(body);
        DrillCompleted completed = await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER, DrillCompleted.class)
                .stream().filter(event -> event.failoverId().equals(drillId)).findFirst(), Optional::isPresent)
                .orElseThrow();
        assertThat(completed.verdict()).isEqualTo(DrillVerdict.PASSED);

        await().atMost(WAIT).untilAsserted(() -> ApiFixtures.viewer("dave").get("/api/v1/drills/" + drillId)
                .then().statusCode(200).body("status", is("PASSED")).body("score", is(100))
                .body("cleanedUp", is(true)));
        ApiFixtures.viewer("dave").get("/api/v1/drills?site=" + SITE)
                .then().statusCode(200).body("drillId", contains(drillId.toString()));
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM audit_entry WHERE action = 'drill.started' "
                + "AND actor = 'carol' AND failover_id = '" + drillId + "'")).isEqualTo(1);

        ApiFixtures.viewer("dave").contentType("application/json").body("{\"site\":\"" + SITE + "\"}")
                .post("/api/v1/drills").then().statusCode(403);
        ApiFixtures.operator("carol").contentType("application/json").body("{}")
                .post("/api/v1/drills").then().statusCode(400).body("error", containsString("site is required"));
        ApiFixtures.operator("carol").contentType("application/json").body("{\"site\":\"nowhere\"}")
                .post("/api/v1/drills").then().statusCode(404);
        ApiFixtures.viewer("dave").get("/api/v1/drills/not-a-uuid").then().statusCode(400);
        ApiFixtures.viewer("dave").get("/api/v1/drills/" + UUID.randomUUID()).then().statusCode(404);
    }

    private FailoverDecided decide() {
        Instant now = clock.instant();
        votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-1", 1, now), now));
        return votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-2", 1, now), now))
                .orElseThrow();
    }

    private DrillCompleted awaitCompleted(DrillStarted started) {
        return await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER, DrillCompleted.class).stream()
                .filter(event -> event.failoverId().equals(started.failoverId())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
