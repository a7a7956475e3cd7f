package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.down;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.Topics;
import io.pra.events.failover.FailoverCompleted;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverFailed;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverStep;
import io.pra.events.failover.PhaseDuration;
import io.pra.events.failover.StepStatus;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.testkit.site.MutableClock;
import io.pra.testkit.site.OutageKind;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.velero.Fault;
import io.pra.testkit.site.velero.Operation;
import io.pra.velero.Backup;
import io.pra.velero.Restore;
import io.pra.velero.Timestamps;
import io.pra.velero.Velero;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The service's own executor on the real broker and PostgreSQL with two fake sites: a quorum of votes ends with
 * the sample app restored and ready on site b, the DNSEndpoint switched, and {@code pra.failover.completed} with
 * measured RTO, RPO and phases; a failed or hanging restore fails the run with its reason.
 */
@QuarkusTest
@WithTestResource(value = FailoverSitesResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_execution"),
        @ResourceArg(name = "executor", value = "true"),
        @ResourceArg(name = "restore-timeout", value = "PT8S")})
class FailoverExecutionIT {

    private static final Logger LOG = Logger.getLogger(FailoverExecutionIT.class);
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long before the disaster the test's backup started, as its pra.backup.offsite-verified says. */
    private static final Duration BACKUP_AGE = Duration.ofMinutes(3);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaFixtures kafka;
    private Backup backup;

    @BeforeEach
    void aBackupOfSiteAVisibleOnB() throws SQLException {
        execute("TRUNCATE site_vote, observer_boot, failover_run, failover_phase, backup_seen, audit_entry; "
                + "UPDATE site SET epoch = 0, mode = 'AUTO'");
        FailoverSites.resetSites();
        backup = FailoverSites.backupVisibleOnTarget();
        // The service's clock on the broker's: signed votes are judged against the broker's append time.
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        kafka = new KafkaFixtures(bootstrap, clock);
        UUID id = kafka.publish(FailoverSites.offsiteVerified(backup, clock.instant(), BACKUP_AGE));
        await().atMost(WAIT).until(() -> count("SELECT count(*) FROM processed_event WHERE event_id = '" + id + "'")
                == 1);
    }

    @AfterEach
    void close() {
        kafka.close();
        FailoverSites.assertNoCallRefused();
    }

    @Test
    void twoOfThreeDownRestoresOnBSwitchesDnsAndReportsRtoAndRpo() {
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();
        Instant now = clock.instant();
        long wallStart = System.nanoTime();
        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-3", 1, now));

        FailoverDecided decided = await().atMost(WAIT).until(() -> decision(), Optional::isPresent).orElseThrow();
        FailoverCompleted completed = await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER,
                FailoverCompleted.class).stream().filter(e -> e.failoverId().equals(decided.failoverId())).findFirst(),
                Optional::isPresent).orElseThrow();
        LOG.infof("failover completed %d ms (wall clock) after the quorum votes were published; rto=%s rpo=%s",
                (System.nanoTime() - wallStart) / 1_000_000, completed.rtoAchieved(), completed.rpoAchieved());

        assertThat(completed.epoch()).isEqualTo(1);
        assertThat(completed.rtoAchieved()).isEqualTo(Duration.between(now.minusSeconds(10), completed.completedAt()));
        assertThat(completed.rpoAchieved()).isEqualTo(Duration.between(backupStart(), now.minusSeconds(10)));
        assertThat(completed.chosenBackup().backupName()).isEqualTo(backup.getMetadata().getName());
        assertThat(completed.phaseDurations()).extracting(PhaseDuration::phase).containsExactly(
                FailoverPhase.FENCE_SOURCE, FailoverPhase.RESTORE, FailoverPhase.VERIFY, FailoverPhase.CUTOVER);
        assertThat(completed.rtoObjective()).isEqualTo(Duration.ofHours(2));

        String restoreName = PraAnnotations.objectName(decided.failoverId());
        Restore restore = FailoverSites.sites().b().client().resources(Restore.class)
                .inNamespace(Velero.DEFAULT_NAMESPACE).withName(restoreName).get();
        assertThat(restore.getMetadata().getAnnotations()).containsEntry(PraAnnotations.EPOCH, "1")
                .containsEntry(PraAnnotations.FAILOVER_ID, decided.failoverId().toString());
        assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isEqualTo(1);
        for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
            assertThat(FailoverSites.sites().b().client().apps().deployments().inNamespace(workload.namespace())
                    .withName(workload.name()).get().getStatus().getReadyReplicas()).isEqualTo(2);
            assertThat(FailoverSites.sites().a().client().apps().deployments().inNamespace(workload.namespace())
                    .withName(workload.name()).get().getSpec().getReplicas()).isZero();
        }
        assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.TARGET_ADDRESS);
        assertThat(FailoverSites.dnsEndpoint().get().getMetadata().getAnnotations())
                .containsEntry(PraAnnotations.FAILOVER_ID, decided.failoverId().toString());

        List<FailoverStep> steps = kafka.events(Topics.FAILOVER, FailoverStep.class).stream()
                .filter(step -> step.failoverId().equals(decided.failoverId())).toList();
        assertThat(steps).extracting(FailoverStep::phase, FailoverStep::status).containsExactly(
                tuple(FailoverPhase.FENCE_SOURCE, StepStatus.STARTED),
                tuple(FailoverPhase.FENCE_SOURCE, StepStatus.SUCCEEDED),
                tuple(FailoverPhase.RESTORE, StepStatus.STARTED),
                tuple(FailoverPhase.RESTORE, StepStatus.SUCCEEDED),
                tuple(FailoverPhase.VERIFY, StepStatus.STARTED),
                tuple(FailoverPhase.VERIFY, StepStatus.SUCCEEDED),
                tuple(FailoverPhase.CUTOVER, StepStatus.STARTED),
                tuple(FailoverPhase.CUTOVER, StepStatus.SUCCEEDED));
        assertThat(steps.get(3).outcome()).contains("Completed");

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("pra_failover_phase_seconds_count\\{phase=\"RESTORE\"} [1-9]")
                .containsPattern("pra_failover_rto_seconds [1-9]")
                .containsPattern("pra_failover_rpo_seconds [1-9]")
                .containsPattern("pra_failover_epoch\\{site=\"a\"} 1")
                .containsPattern("pra_failover_runs_total\\{outcome=\"completed\"} 1");
        await().atMost(WAIT).untilAsserted(() -> assertThat(activeRunDecidedSeconds())
                .as("no run in progress once it completed").isZero());
    }

    @Test
    void anUnreachableSourceIsNotFencedAndTheRunGoesOn() {
        FailoverSites.sites().a().outage(OutageKind.DOWN);
        try {
            FailoverDecided decided = decide();

            FailoverCompleted completed = await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER,
                    FailoverCompleted.class).stream().filter(e -> e.failoverId().equals(decided.failoverId()))
                    .findFirst(), Optional::isPresent).orElseThrow();

            assertThat(completed.phaseDurations()).hasSize(4);
            assertThat(kafka.events(Topics.FAILOVER, FailoverStep.class)).filteredOn(step ->
                    step.failoverId().equals(decided.failoverId()) && step.phase() == FailoverPhase.FENCE_SOURCE
                            && step.status() != StepStatus.STARTED).singleElement()
                    .satisfies(step -> {
                        assertThat(step.status()).isEqualTo(StepStatus.SKIPPED);
                        assertThat(step.outcome()).contains("source not fenced");
                    });
            assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.TARGET_ADDRESS);
        } finally {
            FailoverSites.sites().a().recover();
        }
    }

    @Test
    void aFailedRestoreFailsTheRunWithVelerosReason() {
        FailoverSites.sites().veleroB().faults().inject(Operation.RESTORE, Fault.fail("disk quota exceeded"), 1);
        FailoverDecided decided = decide();

        FailoverFailed failed = awaitFailure(decided);

        assertThat(failed.phase()).isEqualTo(FailoverPhase.RESTORE);
        assertThat(failed.failureReason()).contains("Failed").contains("disk quota exceeded");
        assertThat(failed.phaseDurations()).extracting(PhaseDuration::phase)
                .containsExactly(FailoverPhase.FENCE_SOURCE, FailoverPhase.RESTORE);
        assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.SOURCE_ADDRESS);
        assertThat(awaitCleanup(decided)).startsWith("Restore " + PraAnnotations.objectName(decided.failoverId())
                + " kept (Velero phase Failed) for its logs");
        assertThat(restoreOnB(decided)).isNotNull();
    }

    @Test
    void aHangingRestoreFailsTheRunAfterTheRestoreTimeout() {
        FailoverSites.sites().veleroB().faults().inject(Operation.RESTORE, Fault.hang(), 1);
        FailoverDecided decided = decide();
        await().atMost(WAIT).untilAsserted(() -> assertThat(activeRunDecidedSeconds())
                .as("a run in progress is exported with its decision time")
                .isEqualTo(decided.decidedAt().getEpochSecond()));

        FailoverFailed failed = awaitFailure(decided);

        assertThat(failed.phase()).isEqualTo(FailoverPhase.RESTORE);
        assertThat(failed.failureReason()).contains("did not finish within PT8S").contains("InProgress");
        assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.SOURCE_ADDRESS);
        assertThat(awaitCleanup(decided)).contains("deleted (Velero phase InProgress)");
        assertThat(restoreOnB(decided)).as("the timed-out run's Restore is deleted").isNull();
    }

    /** What the executor's clean-up after the run did, once it did it. */
    private String awaitCleanup(FailoverDecided decided) {
        return await().atMost(WAIT).until(() -> text("SELECT cleanup_detail FROM failover_run WHERE failover_id = '"
                + decided.failoverId() + "'"), detail -> detail != null);
    }

    private static Restore restoreOnB(FailoverDecided decided) {
        return FailoverSites.sites().b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .withName(PraAnnotations.objectName(decided.failoverId())).get();
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    /** The value of {@code pra_failover_active_run_decided_seconds{site="a"}}, or -1 when not exported. */
    private static long activeRunDecidedSeconds() {
        Matcher line = Pattern.compile("(?m)^pra_failover_active_run_decided_seconds\\{site=\"a\"} (\\S+)$")
                .matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return line.find() ? (long) Double.parseDouble(line.group(1)) : -1;
    }

    private FailoverDecided decide() {
        Instant now = clock.instant();
        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-2", 1, now));
        return await().atMost(WAIT).until(this::decision, Optional::isPresent).orElseThrow();
    }

    private FailoverFailed awaitFailure(FailoverDecided decided) {
        return await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER, FailoverFailed.class).stream()
                .filter(e -> e.failoverId().equals(decided.failoverId())).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<FailoverDecided> decision() {
        return kafka.events(Topics.FAILOVER, FailoverDecided.class).stream()
                .filter(event -> event.chosenBackup().backupName().equals(backup.getMetadata().getName()))
                .findFirst();
    }

    private Instant backupStart() {
        return Timestamps.parse(backup.getStatus().getStartTimestamp()).minus(BACKUP_AGE);
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
