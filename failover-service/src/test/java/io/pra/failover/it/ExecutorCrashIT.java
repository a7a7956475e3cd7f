package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.SITE;
import static io.pra.failover.it.EventFixtures.down;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.agroal.api.AgroalDataSource;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.execution.SiteExecutor;
import io.pra.failover.execution.SiteExecutor.Progress;
import io.pra.failover.execution.SiteExecutors;
import io.pra.failover.execution.StepRecorder;
import io.pra.failover.execution.StepRefused;
import io.pra.failover.k8s.CleanupMarks;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.failover.service.BackupCatalog;
import io.pra.failover.service.RunControl;
import io.pra.failover.service.VoteService;
import io.pra.testkit.net.TcpProxy;
import io.pra.testkit.site.MutableClock;
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
 * Executors killed mid-phase, two executors at once, and stale executors, on real PostgreSQL and two fake sites.
 * The service's own executor is off here: the test drives {@link SiteExecutor}s itself, each with its own lock
 * connection, as separate replicas would. "Killing" one closes it between two units of work, after it made the
 * phase's effect (Restore created, DNS switched...) and before it recorded the phase's end: its advisory lock
 * frees with its connection, exactly what the server does when a process dies.
 */
@QuarkusTest
@WithTestResource(value = FailoverSitesResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_no_executor"),
        @ResourceArg(name = "executor", value = "false"),
        @ResourceArg(name = "lock-timeout", value = "PT3S")})
class ExecutorCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    VoteService votes;

    private final TestObservers observers = TestObservers.fromConfig();

    @Inject
    BackupCatalog catalog;

    @Inject
    SiteExecutors executors;

    @Inject
    StepRecorder recorder;

    @Inject
    RunControl control;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @BeforeEach
    void aBackupOfSiteAVisibleOnB() throws SQLException {
        ApiFixtures.resetDatabase(dataSource);
        FailoverSites.resetSites();
        Backup backup = FailoverSites.backupVisibleOnTarget();
        clock.set(Timestamps.parse(backup.getStatus().getStartTimestamp()).plusSeconds(60)
                .truncatedTo(ChronoUnit.SECONDS));
        catalog.onBackupEvent(UUID.randomUUID(), FailoverSites.offsiteVerified(backup, clock.instant()));
    }

    @AfterEach
    void everyCallWasAllowed() {
        FailoverSites.assertNoCallRefused();
    }

    @ParameterizedTest
    @EnumSource(value = FailoverPhase.class, names = {"FENCE_SOURCE", "RESTORE", "VERIFY", "CUTOVER"})
    void anExecutorKilledInAnyPhaseIsResumedWithOneRestoreAndOneCutover(FailoverPhase killedIn) throws Exception {
        FailoverDecided decided = decide();
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();
        try (FailoverSites.CutoverCounter cutovers = FailoverSites.countCutovers(decided.failoverId())) {
            SiteExecutor first = executors.create();
            assertThat(first.acquire()).isTrue();
            advanceUntilActedIn(first, killedIn);
            first.close();

            SiteExecutor second = executors.create();
            await().atMost(WAIT).until(second::acquire);
            assertThat(second.runUntilIdle()).isEqualTo(Progress.IDLE);
            second.close();

            assertThat(outcome(decided.failoverId())).isEqualTo("COMPLETED");
            assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isEqualTo(1);
            assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.TARGET_ADDRESS);
            await().atMost(WAIT).until(() -> cutovers.cutovers() >= 1);
            assertThat(cutovers.cutovers()).isEqualTo(1);
        }
        assertThat(count("SELECT count(*) FROM failover_phase WHERE failover_id = '" + decided.failoverId()
                + "' AND status IN ('SUCCEEDED', 'SKIPPED')")).isEqualTo(4);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'pra.failover.completed' AND "
                + "payload ->> 'failoverId' = '" + decided.failoverId() + "'")).isEqualTo(1);
    }

    @Test
    void aFenceResumedAfterItsBoundHasPassedIsSkippedWithoutTouchingTheSource() throws Exception {
        FailoverDecided decided = decide();
        FailoverRun run = recorder.nextExecutable(SITE).orElseThrow();
        // An executor began FENCE_SOURCE and died; the next one resumes it after the 2 s bound has gone by.
        recorder.begin(run, FailoverPhase.FENCE_SOURCE, "crashed-executor");
        clock.advance(Duration.ofSeconds(3));
        try (SiteExecutor executor = executors.create()) {
            assertThat(executor.acquire()).isTrue();
            advanceUntilActedIn(executor, FailoverPhase.RESTORE);
        }

        for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
            assertThat(FailoverSites.sites().a().client().apps().deployments().inNamespace(workload.namespace())
                    .withName(workload.name()).get().getSpec().getReplicas()).as("%s on site a", workload).isEqualTo(2);
        }
        assertThat(count("SELECT count(*) FROM failover_phase WHERE failover_id = '" + decided.failoverId()
                + "' AND phase = 'FENCE_SOURCE' AND status = 'SKIPPED' AND detail LIKE '%had passed%'")).isEqualTo(1);
    }

    @Test
    void ofTwoExecutorsOnlyTheLockHolderWorksAndTheOtherFinishesWhenItStops() throws Exception {
        FailoverDecided decided = decide();
        SiteExecutor first = executors.create();
        SiteExecutor second = executors.create();
        try {
            assertThat(first.acquire()).isTrue();
            assertThat(second.acquire()).isFalse();
            assertThat(second.advance()).isEqualTo(Progress.STANDBY);
            advanceUntilActedIn(first, FailoverPhase.RESTORE);
            assertThat(second.acquire()).isFalse();

            first.close();
            await().atMost(WAIT).until(second::acquire);
            assertThat(second.runUntilIdle()).isEqualTo(Progress.IDLE);
        } finally {
            first.close();
            second.close();
        }
        assertThat(outcome(decided.failoverId())).isEqualTo("COMPLETED");
        assertThat(executorOf(decided.failoverId(), FailoverPhase.FENCE_SOURCE)).isEqualTo(first.name());
        assertThat(executorOf(decided.failoverId(), FailoverPhase.RESTORE)).isEqualTo(second.name());
        assertThat(executorOf(decided.failoverId(), FailoverPhase.CUTOVER)).isEqualTo(second.name());
    }

    @Test
    void aStaleExecutorCannotRecordAStep() throws SQLException {
        decide();
        FailoverRun run = recorder.nextExecutable(SITE).orElseThrow();

        execute("UPDATE site SET epoch = epoch + 1");
        assertThatThrownBy(() -> recorder.begin(run, FailoverPhase.FENCE_SOURCE, "stale"))
                .isInstanceOf(StepRefused.class).hasMessageContaining("stale executor")
                .hasMessageContaining("executes under epoch " + run.epoch());

        assertThat(count("SELECT count(*) FROM failover_phase WHERE failover_id = '" + run.failoverId() + "'"))
                .isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'pra.failover.step' AND "
                + "payload ->> 'failoverId' = '" + run.failoverId() + "'")).isZero();
    }

    @Test
    void anAbortedRunIsNotCarriedOnAndARunAwaitingApprovalIsNotStarted() throws Exception {
        FailoverDecided decided = decide();
        FailoverRun run = recorder.nextExecutable(SITE).orElseThrow();
        execute("UPDATE failover_run SET approval_required = true, approval_reason = 'MANUAL mode', "
                + "approval_deadline = now() + interval '1 hour', on_timeout = 'ABORT'");
        assertThat(recorder.nextExecutable(SITE)).isEmpty();

        execute("UPDATE failover_run SET approved_by = 'alice', approved_at = now()");
        recorder.begin(run, FailoverPhase.FENCE_SOURCE, "test");
        execute("UPDATE failover_run SET outcome = 'ABORTED', ended_at = now(), end_reason = 'operator abort'");

        assertThatThrownBy(() -> recorder.begin(run, FailoverPhase.RESTORE, "test"))
                .isInstanceOf(StepRefused.class).hasMessageContaining("ABORTED");
        try (SiteExecutor executor = executors.create()) {
            assertThat(executor.acquire()).isTrue();
            assertThat(executor.runUntilIdle()).isEqualTo(Progress.IDLE);
        }
        assertThat(count("SELECT count(*) FROM failover_phase WHERE failover_id = '" + decided.failoverId() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anAbortDuringRestoreEndsTheWaitDeletesTheRestoreAndMarksWhatItRestored() throws Exception {
        FailoverSites.sites().veleroB().faults().inject(Operation.RESTORE, Fault.hang(), 1);
        FailoverDecided decided = decide();
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();
        try (SiteExecutor executor = executors.create()) {
            assertThat(executor.acquire()).isTrue();
            advanceUntilActedIn(executor, FailoverPhase.RESTORE);
            String restoreName = PraAnnotations.objectName(decided.failoverId());
            assertThat(restore(restoreName)).isNotNull();

            CompletableFuture<Progress> waiting = CompletableFuture.supplyAsync(() -> advance(executor));
            control.abort(decided.failoverId(), "alice", "site a is back");

            // The hanging restore's bound is 5 s: the abort must end the wait well before it.
            assertThat(waiting.get(3, TimeUnit.SECONDS)).isEqualTo(Progress.REFUSED);
            assertThat(executor.runUntilIdle()).isEqualTo(Progress.IDLE);
            assertThat(restore(restoreName)).as("the aborted run's Restore is deleted").isNull();
        } finally {
            FailoverSites.sites().veleroB().faults().release(Operation.RESTORE);
        }
        assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isEqualTo(1);
        assertThat(outcome(decided.failoverId())).isEqualTo("ABORTED");
        assertThat(text("SELECT cleanup_detail FROM failover_run WHERE failover_id = '" + decided.failoverId() + "'"))
                .contains("Restore " + PraAnnotations.objectName(decided.failoverId()) + " deleted");
        assertThat(FailoverSites.sites().b().client().namespaces().list().getItems()).allSatisfy(namespace -> {
            if (SampleApp.NAMESPACES.contains(namespace.getMetadata().getName())) {
                assertThat(namespace.getMetadata().getLabels()).containsEntry(CleanupMarks.LABEL,
                        decided.failoverId().toString());
            }
        });
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'failover.cleaned-up'")).isEqualTo(1);
        assertThat(FailoverSites.dnsTargets()).containsExactly(FailoverSites.SOURCE_ADDRESS);
    }

    @Test
    void anAbortBetweenTheStartOfRestoreAndItsEffectCreatesNoRestore() throws Exception {
        FailoverDecided decided = decide();
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();
        try (SiteExecutor executor = executors.create()) {
            assertThat(executor.acquire()).isTrue();
            Progress progress;
            do {
                progress = executor.advance();
            } while (!(progress == Progress.BEGUN && openPhase(decided.failoverId()).equals("RESTORE")));

            control.abort(decided.failoverId(), "alice", "site a is back");

            // The run is over: the executor does not act for it, it only cleans up after it.
            assertThat(executor.advance()).isEqualTo(Progress.CLEANED);
            assertThat(executor.runUntilIdle()).isEqualTo(Progress.IDLE);
        }
        assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isZero();
        assertThat(restore(PraAnnotations.objectName(decided.failoverId()))).isNull();
        assertThat(text("SELECT cleanup_detail FROM failover_run WHERE failover_id = '" + decided.failoverId() + "'"))
                .startsWith("no Restore");
    }

    @Test
    void aStandbyTakesOverWithinTheLockBoundWhenTheHolderIsCutOffFromPostgres() throws Exception {
        FailoverDecided decided = decide();
        long restoresBefore = FailoverSites.sites().veleroB().counters().restoresStarted();
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        try (TcpProxy link = new TcpProxy("executor-lock", 0, database.getPort()).start();
                FailoverSites.CutoverCounter cutovers = FailoverSites.countCutovers(decided.failoverId())) {
            SiteExecutor cutOff = executors.create(jdbcUrl.replace(":" + database.getPort() + "/",
                    ":" + link.port() + "/"));
            SiteExecutor standby = executors.create();
            try {
                assertThat(cutOff.acquire()).isTrue();
                advanceUntilActedIn(cutOff, FailoverPhase.RESTORE);
                assertThat(standby.acquire()).isFalse();

                link.blackHole();
                long cut = System.nanoTime();
                await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(standby::acquire);
                Duration takeover = Duration.ofNanos(System.nanoTime() - cut);

                // The lock bound is 3 s here: the server ends the silent session after it, the standby retries.
                assertThat(takeover).isLessThan(LOCK_TIMEOUT.plusSeconds(5));
                assertThat(cutOff.advance()).as("the cut-off holder knows it lost the lock").isEqualTo(Progress.STANDBY);
                assertThat(standby.runUntilIdle()).isEqualTo(Progress.IDLE);
            } finally {
                cutOff.close();
                standby.close();
            }
            assertThat(outcome(decided.failoverId())).isEqualTo("COMPLETED");
            assertThat(executorOf(decided.failoverId(), FailoverPhase.RESTORE)).isNotEqualTo(cutOff.name());
            assertThat(FailoverSites.sites().veleroB().counters().restoresStarted() - restoresBefore).isEqualTo(1);
            await().atMost(WAIT).until(() -> cutovers.cutovers() >= 1);
            assertThat(cutovers.cutovers()).isEqualTo(1);
        }
    }

    private static Progress advance(SiteExecutor executor) {
        try {
            return executor.advance();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Restore restore(String name) {
        return FailoverSites.sites().b().client().resources(Restore.class).inNamespace(Velero.DEFAULT_NAMESPACE)
                .withName(name).get();
    }

    private String openPhase(UUID failoverId) throws SQLException {
        String phase = text("SELECT max(phase) FILTER (WHERE ended_at IS NULL) FROM failover_phase WHERE failover_id = '"
                + failoverId + "'");
        return phase == null ? "" : phase;
    }

    private FailoverDecided decide() {
        Instant now = clock.instant();
        votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-1", 1, now), now));
        return votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-2", 1, now), now))
                .orElseThrow();
    }

    /** Advances until the executor made the effect of {@code phase}, then returns without recording its end. */
    private static void advanceUntilActedIn(SiteExecutor executor, FailoverPhase phase) throws Exception {
        int begun = -1;
        for (int unit = 0; unit < 20; unit++) {
            Progress progress = executor.advance();
            assertThat(progress).isIn(Progress.BEGUN, Progress.ACTED, Progress.ENDED);
            if (progress == Progress.BEGUN) {
                begun++;
            }
            if (progress == Progress.ACTED && begun == FailoverRun.EXECUTION_ORDER.indexOf(phase)) {
                return;
            }
        }
        throw new AssertionError("the executor never acted in " + phase);
    }

    private String outcome(UUID failoverId) throws SQLException {
        return text("SELECT outcome FROM failover_run WHERE failover_id = '" + failoverId + "'");
    }

    private String executorOf(UUID failoverId, FailoverPhase phase) throws SQLException {
        return text("SELECT executor FROM failover_phase WHERE failover_id = '" + failoverId + "' AND phase = '"
                + phase + "'");
    }

    private String text(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
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
