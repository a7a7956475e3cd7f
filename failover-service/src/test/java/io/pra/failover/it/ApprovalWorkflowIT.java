package io.pra.failover.it;

import static io.pra.failover.it.ApiFixtures.operator;
import static io.pra.failover.it.ApiFixtures.reason;
import static io.pra.failover.it.EventFixtures.SITE;
import static io.pra.failover.it.EventFixtures.down;
import static io.pra.failover.it.EventFixtures.visibleOnTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.PraEvent;
import io.pra.events.Topics;
import io.pra.events.failover.ApprovalTimeoutAction;
import io.pra.events.failover.FailoverAborted;
import io.pra.events.failover.FailoverApproved;
import io.pra.events.failover.FailoverAwaitingApproval;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverPhase;
import io.pra.events.failover.FailoverRunEvent;
import io.pra.events.failover.Trigger;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.persistence.RunStore;
import io.pra.failover.service.BackupCatalog;
import io.pra.failover.service.VoteService;
import io.pra.testkit.site.MutableClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * Acceptance of the approval workflow on the real broker and PostgreSQL, through the
 * authenticated API: MANUAL mode and over-budget loss wait; the requester of a manual failover
 * cannot approve it, another operator can; abort works before CUTOVER and is refused after; the
 * approval timeout PROCEEDs (this class's policy).
 */
@QuarkusTest
@WithTestResource(value = FailoverTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_approval"),
        @ResourceArg(name = "config.pra.failover.approval.timeout", value = "PT10M"),
        @ResourceArg(name = "config.pra.failover.approval.on-timeout", value = "PROCEED")})
class ApprovalWorkflowIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    VoteService votes;

    private final TestObservers observers = TestObservers.fromConfig();

    @Inject
    BackupCatalog backups;

    @Inject
    RunStore runs;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaFixtures kafka;

    @BeforeEach
    void freshSite() throws SQLException {
        ApiFixtures.resetDatabase(dataSource);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        kafka = new KafkaFixtures(bootstrap, clock);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void theRequesterCannotApproveTheirManualFailoverButAnotherOperatorCan() {
        backupAged(Duration.ofMinutes(2));
        String id = operator("alice").body(reason("site a lost its storage")).post("/api/v1/sites/a/failover")
                .then().statusCode(202)
                .body("status", is("AWAITING_APPROVAL")).body("trigger", is("manual"))
                .body("requestedBy", is("alice")).body("reason", is("site a lost its storage"))
                .body("onTimeout", is("proceed")).body("phases", hasSize(0))
                .body("approvalDeadline", is(clock.instant().plus(Duration.ofMinutes(10)).toString()))
                .extract().path("failoverId");
        UUID failoverId = UUID.fromString(id);
        FailoverAwaitingApproval awaiting = awaitEvent(FailoverAwaitingApproval.class, failoverId);
        assertThat(awaiting.requestedBy()).isEqualTo("alice");
        assertThat(awaiting.reason()).contains("second operator");
        assertThat(awaiting.onTimeout()).isEqualTo(ApprovalTimeoutAction.PROCEED);

        operator("alice").body("{}").post("/api/v1/failovers/" + id + "/approve")
                .then().statusCode(409).body("error", containsString("requester"));
        operator("bob").body("{\"comment\": \"confirmed with the DBA\"}").post("/api/v1/failovers/" + id + "/approve")
                .then().statusCode(200).body("status", is("READY")).body("approvedBy", is("bob"));
        operator("carol").body("{}").post("/api/v1/failovers/" + id + "/approve")
                .then().statusCode(409).body("error", containsString("not waiting for approval"));

        FailoverApproved approved = awaitEvent(FailoverApproved.class, failoverId);
        assertThat(approved.approvedBy()).isEqualTo("bob");
        assertThat(approved.byTimeout()).isFalse();
        assertThat(approved.comment()).isEqualTo("confirmed with the DBA");
        assertThat(awaitEvent(FailoverDecided.class, failoverId).trigger()).isEqualTo(Trigger.MANUAL);
        operator("bob").body(reason("again")).post("/api/v1/sites/a/failover")
                .then().statusCode(409).body("guard", is("ACTIVE_RUN"));
    }

    @Test
    void inManualModeAQuorumRunWaitsAndAnyOperatorMayApproveIt() {
        backupAged(Duration.ofMinutes(2));
        operator("alice").body(ApiFixtures.mode("MANUAL", "maintenance window")).put("/api/v1/sites/a/mode")
                .then().statusCode(200).body("mode", is("MANUAL"));

        FailoverDecided decided = quorum();

        assertThat(decided.approvalRequired()).isTrue();
        assertThat(awaitEvent(FailoverAwaitingApproval.class, decided.failoverId()).reason()).contains("MANUAL");
        given().auth().oauth2(Jwt.upn("alice").groups(ApiFixtures.OPERATOR).sign())
                .post("/api/v1/failovers/" + decided.failoverId() + "/approve")
                .then().statusCode(200).body("approvedBy", is("alice")).body("status", is("READY"));
    }

    @Test
    void anOverBudgetDataLossWaitsForApprovalEvenInAutoMode() {
        backupAged(Duration.ofMinutes(20));

        FailoverDecided decided = quorum();

        assertThat(decided.approvalRequired()).isTrue();
        assertThat(awaitEvent(FailoverAwaitingApproval.class, decided.failoverId()).reason())
                .contains("exceeds the budget");
        operator("dan").get("/api/v1/failovers/" + decided.failoverId()).then().statusCode(200)
                .body("status", is("AWAITING_APPROVAL")).body("approvalReason", containsString("exceeds the budget"));
    }

    @Test
    void abortWorksBeforeCutoverAndReportsThePhase() throws SQLException {
        backupAged(Duration.ofMinutes(2));
        UUID failoverId = quorum().failoverId();
        recordPhasesThrough(failoverId, FailoverPhase.RESTORE);

        operator("erin").body(reason("site a is back")).post("/api/v1/failovers/" + failoverId + "/abort")
                .then().statusCode(200).body("status", is("ABORTED")).body("endReason", is("site a is back"));

        FailoverAborted aborted = awaitEvent(FailoverAborted.class, failoverId);
        assertThat(aborted.abortedBy()).isEqualTo("erin");
        assertThat(aborted.phase()).isEqualTo(FailoverPhase.RESTORE);
        assertThat(aborted.phaseDurations()).extracting(duration -> duration.phase())
                .containsExactly(FailoverPhase.FENCE_SOURCE, FailoverPhase.RESTORE);
        assertThat(ApiFixtures.text(dataSource, "SELECT outcome FROM failover_run WHERE failover_id = '"
                + failoverId + "'")).isEqualTo("ABORTED");
        assertThat(ApiFixtures.text(dataSource, "SELECT status || ' ' || detail FROM failover_phase WHERE "
                + "failover_id = '" + failoverId + "' AND phase = 'RESTORE' AND ended_at IS NOT NULL"))
                .as("the interrupted phase is closed with the abort").isEqualTo("FAILED aborted by erin: site a is back");
    }

    @Test
    void abortIsRefusedOnceCutoverBegan() throws SQLException {
        backupAged(Duration.ofMinutes(2));
        UUID failoverId = quorum().failoverId();
        recordPhasesThrough(failoverId, FailoverPhase.CUTOVER);

        operator("erin").body(reason("too late")).post("/api/v1/failovers/" + failoverId + "/abort")
                .then().statusCode(409).body("error", containsString("CUTOVER has begun"));

        operator("erin").get("/api/v1/failovers/" + failoverId).then().statusCode(200)
                .body("status", is("CUTOVER")).body("outcome", nullValue())
                .body("phases.phase", contains("FENCE_SOURCE", "RESTORE", "VERIFY", "CUTOVER"))
                .body("phases[0].duration", is("PT1S")).body("phases[3].endedAt", nullValue());
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM failover_run WHERE outcome IS NULL"))
                .isEqualTo(1);
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM outbox_event WHERE type = "
                + "'pra.failover.aborted' AND payload ->> 'failoverId' = '" + failoverId + "'")).isZero();
    }

    @Test
    void theApprovalTimeoutProceedsAsTheSystem() throws SQLException {
        backupAged(Duration.ofMinutes(20));
        UUID failoverId = quorum().failoverId();

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));

        await().atMost(WAIT).until(() -> "system".equals(ApiFixtures.text(dataSource,
                "SELECT approved_by FROM failover_run WHERE failover_id = '" + failoverId + "'")));
        FailoverApproved approved = awaitEvent(FailoverApproved.class, failoverId);
        assertThat(approved.byTimeout()).isTrue();
        assertThat(approved.approvedBy()).isEqualTo("system");
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM audit_entry WHERE actor = 'system' "
                + "AND action = 'failover.approved' AND epoch = 1")).isEqualTo(1);
    }

    private void backupAged(Duration age) {
        backups.onBackupEvent(UUID.randomUUID(), visibleOnTarget("shop-" + UUID.randomUUID(), clock.instant(), age));
    }

    /** Two of three observers vote site a down: the decision, as the vote consumer makes it. */
    private FailoverDecided quorum() {
        Instant now = clock.instant();
        votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-1", 1, now), now));
        return votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-2", 1, now), now))
                .orElseThrow();
    }

    /** Drives the run's state machine up to {@code last} (begun, not finished) and records it like the executor. */
    private void recordPhasesThrough(UUID failoverId, FailoverPhase last) {
        Instant start = clock.instant();
        Instant end = QuarkusTransaction.requiringNew().call(() -> {
            FailoverRun run = runs.find(failoverId).orElseThrow();
            Instant at = start;
            for (FailoverPhase phase : FailoverRun.EXECUTION_ORDER) {
                run.begin(phase, at, "test");
                at = at.plusSeconds(1);
                if (phase == last) {
                    break;
                }
                run.finish(phase, StepVerdict.succeeded("done"), at, "test");
            }
            runs.save(run);
            return at;
        });
        clock.set(end);
    }

    private <T extends PraEvent> T awaitEvent(Class<T> type, UUID failoverId) {
        return await().atMost(WAIT).until(
                () -> kafka.events(Topics.FAILOVER, type).stream()
                        .filter(event -> ((FailoverRunEvent) event).failoverId().equals(failoverId))
                        .findFirst(),
                Optional::isPresent).orElseThrow();
    }
}
