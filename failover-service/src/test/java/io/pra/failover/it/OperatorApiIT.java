package io.pra.failover.it;

import static io.pra.failover.it.ApiFixtures.mode;
import static io.pra.failover.it.ApiFixtures.operator;
import static io.pra.failover.it.ApiFixtures.reason;
import static io.pra.failover.it.ApiFixtures.viewer;
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

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.failover.FailoverDecided;
import io.pra.failover.service.BackupCatalog;
import io.pra.failover.service.VoteService;
import io.pra.testkit.site.MutableClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * The operator API on the real broker and PostgreSQL: authentication and roles, input errors,
 * site state, mode changes that the next decision obeys, run listing, the audit log, and the
 * approval timeout ABORTing (this class's policy). Shares its application with {@link QuorumDecisionIT}: same
 * resource, same arguments.
 */
@QuarkusTest
@WithTestResource(value = FailoverTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_api"),
        @ResourceArg(name = "config.pra.failover.approval.timeout", value = "PT5M"),
        @ResourceArg(name = "config.pra.failover.approval.on-timeout", value = "ABORT")})
class OperatorApiIT {

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

    private String backupName;
    private long sequence;

    @BeforeEach
    void freshSiteWithABackup() throws SQLException {
        ApiFixtures.resetDatabase(dataSource);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        backupName = "shop-" + UUID.randomUUID();
        backups.onBackupEvent(UUID.randomUUID(), visibleOnTarget(backupName, clock.instant(), Duration.ofMinutes(3)));
    }

    @Test
    void withoutATokenItIs401AndWithoutTheRoleItIs403() {
        given().get("/api/v1/sites").then().statusCode(401);
        given().get("/api/v1/audit").then().statusCode(401);
        given().contentType("application/json").body(reason("x")).post("/api/v1/sites/a/failover")
                .then().statusCode(401);
        ApiFixtures.as("mallory", "someone-else").get("/api/v1/sites").then().statusCode(403);
        viewer("vic").body(reason("x")).post("/api/v1/sites/a/failover").then().statusCode(403);
        viewer("vic").body(mode("OFF", "x")).put("/api/v1/sites/a/mode").then().statusCode(403);
        viewer("vic").body(reason("x")).post("/api/v1/failovers/" + UUID.randomUUID() + "/abort")
                .then().statusCode(403);
        operator("system").body(mode("OFF", "x")).put("/api/v1/sites/a/mode").then().statusCode(403);
        given().auth().oauth2(ApiFixtures.signedByAnotherKey("eve")).get("/api/v1/sites").then().statusCode(401);
        given().auth().oauth2(Jwt.upn("eve").issuer("https://elsewhere.test").groups(ApiFixtures.OPERATOR).sign())
                .get("/api/v1/sites").then().statusCode(401);

        viewer("vic").get("/api/v1/sites").then().statusCode(200).body("siteId", contains("a"));
        viewer("vic").get("/api/v1/failovers").then().statusCode(200);
        viewer("vic").get("/api/v1/audit").then().statusCode(200);
        given().get("/api/v1/info").then().statusCode(200);
    }

    @Test
    void badInputIsAClear4xx() {
        operator("alice").body(mode("SIDEWAYS", "x")).put("/api/v1/sites/a/mode").then().statusCode(400)
                .body("error", containsString("[AUTO, MANUAL, OFF]"));
        operator("alice").body("{\"mode\": \"OFF\"}").put("/api/v1/sites/a/mode").then().statusCode(400)
                .body("error", containsString("reason is required"));
        operator("alice").body("{}").post("/api/v1/sites/a/failover").then().statusCode(400)
                .body("error", containsString("reason is required"));
        operator("alice").post("/api/v1/sites/a/failover").then().statusCode(400);
        operator("alice").body(reason("x")).post("/api/v1/sites/zz/failover").then().statusCode(404)
                .body("error", containsString("zz"));
        operator("alice").body(mode("OFF", "x")).put("/api/v1/sites/zz/mode").then().statusCode(404);
        viewer("vic").get("/api/v1/sites/zz").then().statusCode(404).body("error", containsString("zz"));
        viewer("vic").get("/api/v1/failovers/not-a-uuid").then().statusCode(400)
                .body("error", containsString("not a failover id"));
        viewer("vic").get("/api/v1/failovers/" + UUID.randomUUID()).then().statusCode(404);
        operator("alice").body(reason("x")).post("/api/v1/failovers/" + UUID.randomUUID() + "/abort")
                .then().statusCode(404);
        operator("alice").body("{}").post("/api/v1/failovers/" + UUID.randomUUID() + "/abort")
                .then().statusCode(400);
        viewer("vic").get("/api/v1/failovers?limit=0").then().statusCode(400).body("error", containsString("limit"));
        viewer("vic").get("/api/v1/audit?limit=501").then().statusCode(400);
    }

    @Test
    void aModeChangeIsAuditedAndTheNextDecisionObeysIt() throws SQLException {
        operator("alice").body(mode("off", "storage migration")).put("/api/v1/sites/a/mode").then().statusCode(200)
                .body("mode", is("OFF")).body("epoch", is(0));

        assertThat(quorum()).isEmpty();
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM failover_run")).isZero();

        operator("bob").body(mode("AUTO", "migration done")).put("/api/v1/sites/a/mode").then().statusCode(200);
        FailoverDecided decided = quorum().orElseThrow();
        assertThat(decided.approvalRequired()).isFalse();

        viewer("vic").get("/api/v1/audit?site=a").then().statusCode(200)
                .body("action", contains("failover.decided", "site.mode-changed", "site.mode-changed"))
                .body("actor", contains("quorum", "bob", "alice"))
                .body("epoch", contains(1, 0, 0))
                .body("[1].detail", is("mode OFF -> AUTO: migration done"))
                .body("[2].detail", is("mode AUTO -> OFF: storage migration"));
        viewer("vic").get("/api/v1/audit?limit=1").then().body("", hasSize(1));
    }

    @Test
    void aSiteShowsItsVotesExposureAndActiveRun() {
        FailoverDecided decided = quorum().orElseThrow();

        viewer("vic").get("/api/v1/sites/a").then().statusCode(200)
                .body("mode", is("AUTO")).body("epoch", is(1)).body("targetSite", is("b"))
                .body("quorum.required", is(2)).body("quorum.freshDownVotes", is(2)).body("quorum.reached", is(true))
                .body("votes.observerId", contains("obs-1", "obs-2")).body("votes.fresh", contains(true, true))
                .body("rpoExposure.backupName", is(backupName)).body("rpoExposure.exposureSeconds", is(180))
                .body("activeRun.failoverId", is(decided.failoverId().toString()))
                .body("activeRun.status", is("READY"));

        clock.advance(Duration.ofSeconds(31));
        viewer("vic").get("/api/v1/sites").then().statusCode(200)
                .body("[0].votes.fresh", contains(false, false)).body("[0].quorum.reached", is(false));
    }

    @Test
    void runsAreListedNewestFirstWithPaging() {
        UUID first = quorum().orElseThrow().failoverId();
        operator("alice").body(reason("site a is back")).post("/api/v1/failovers/" + first + "/abort")
                .then().statusCode(200).body("status", is("ABORTED"));
        assertThat(quorum()).as("after an aborted run the quorum waits out the cooldown").isEmpty();
        // An operator need not: a manual failover after an aborted run is allowed at once.
        clock.advance(Duration.ofMinutes(1));
        String second = operator("alice").body(reason("site a lost again")).post("/api/v1/sites/a/failover")
                .then().statusCode(202).body("epoch", is(2)).extract().path("failoverId");

        viewer("vic").get("/api/v1/failovers").then().statusCode(200)
                .body("failoverId", contains(second, first.toString()))
                .body("status", contains("AWAITING_APPROVAL", "ABORTED"));
        viewer("vic").get("/api/v1/failovers?limit=1&offset=1").then().statusCode(200)
                .body("failoverId", contains(first.toString()))
                .body("[0].votes.observerId", contains("obs-1", "obs-2"));
        viewer("vic").get("/api/v1/failovers?site=elsewhere").then().statusCode(200).body("", hasSize(0));
        viewer("vic").get("/api/v1/audit").then().statusCode(200)
                .body("action", contains("failover.decided", "failover.aborted", "failover.decided"))
                .body("actor", contains("alice", "alice", "quorum"));
    }

    @Test
    void theApprovalTimeoutAbortsAsTheSystem() throws SQLException {
        operator("alice").body(mode("MANUAL", "approval drill")).put("/api/v1/sites/a/mode").then().statusCode(200);
        UUID failoverId = quorum().orElseThrow().failoverId();

        clock.advance(Duration.ofMinutes(5));

        await().atMost(WAIT).until(() -> "ABORTED".equals(ApiFixtures.text(dataSource,
                "SELECT outcome FROM failover_run WHERE failover_id = '" + failoverId + "'")));
        viewer("vic").get("/api/v1/failovers/" + failoverId).then().statusCode(200)
                .body("status", is("ABORTED")).body("endReason", containsString("deadline"))
                .body("approvedBy", nullValue());
        assertThat(ApiFixtures.count(dataSource, "SELECT count(*) FROM outbox_event WHERE type = "
                + "'pra.failover.aborted' AND payload ->> 'abortedBy' = 'system' AND payload ->> 'failoverId' = '"
                + failoverId + "'")).isEqualTo(1);
        viewer("vic").get("/api/v1/audit?limit=1").then()
                .body("[0].actor", is("system")).body("[0].action", is("failover.aborted"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/q/metrics").asString())
                .contains("pra_failover_approvals_pending 0.0")
                .containsPattern("pra_failover_approval_timeouts_total\\{action=\"abort\"} [1-9]"));
    }

    /** Two of three observers vote site a down, with fresh sequences: the decision either vote made, if any. */
    private Optional<FailoverDecided> quorum() {
        Instant now = clock.instant();
        sequence++;
        Optional<FailoverDecided> first = votes.onVote(UUID.randomUUID(), SITE,
                observers.candidate(down("obs-1", sequence, now), now));
        Optional<FailoverDecided> second = votes.onVote(UUID.randomUUID(), SITE,
                observers.candidate(down("obs-2", sequence, now), now));
        return first.or(() -> second);
    }
}
