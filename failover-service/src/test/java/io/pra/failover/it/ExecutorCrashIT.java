package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.SITE;
import static io.pra.failover.it.EventFixtures.down;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.agroal.api.AgroalDataSource;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.Vote;
import io.pra.failover.execution.SiteExecutor;
import io.pra.failover.execution.SiteExecutor.Progress;
import io.pra.failover.execution.SiteExecutors;
import io.pra.failover.execution.StepRecorder;
import io.pra.failover.execution.StepRefused;
import io.pra.failover.service.BackupCatalog;
import io.pra.failover.service.VoteService;
import io.pra.testkit.site.MutableClock;
import io.pra.velero.Backup;
import io.pra.velero.Timestamps;
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
        @ResourceArg(name = "database", value = "failover_crash"),
        @ResourceArg(name = "executor", value = "false")})
class ExecutorCrashIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    VoteService votes;

    @Inject
    BackupCatalog catalog;

    @Inject
    SiteExecutors executors;

    @Inject
    StepRecorder recorder;

    @BeforeEach
    void aBackupOfSiteAVisibleOnB() throws SQLException {
        execute("TRUNCATE site_vote, failover_run, failover_phase, backup_seen, audit_entry; "
                + "UPDATE site SET epoch = 0, mode = 'AUTO'");
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

    private FailoverDecided decide() {
        Instant now = clock.instant();
        votes.onVote(UUID.randomUUID(), SITE, Vote.of(down("obs-1", 1, now), now));
        return votes.onVote(UUID.randomUUID(), SITE, Vote.of(down("obs-2", 1, now), now)).orElseThrow();
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
