package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.SITE;
import static io.pra.failover.it.EventFixtures.down;
import static io.pra.failover.it.EventFixtures.up;
import static io.pra.failover.it.EventFixtures.visibleOnTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.Topics;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.QuorumVote;
import io.pra.events.failover.Trigger;
import io.pra.failover.service.VoteService;
import io.pra.testkit.site.MutableClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Votes and backups on the real broker and PostgreSQL: a quorum decides and {@code pra.failover.decided}
 * reaches Kafka through the outbox; fewer votes, stale votes, unknown observers and duplicates never do. Shares its
 * application with {@link OperatorApiIT} (same resource, same arguments): it reads decisions by its backup's name.
 */
@QuarkusTest
@WithTestResource(value = FailoverTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_api"),
        @ResourceArg(name = "config.pra.failover.approval.timeout", value = "PT5M"),
        @ResourceArg(name = "config.pra.failover.approval.on-timeout", value = "ABORT")})
class QuorumDecisionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

    @Inject
    VoteService votes;

    private final TestObservers observers = TestObservers.fromConfig();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private KafkaFixtures kafka;
    private String backupName;

    @BeforeEach
    void freshSiteWithABackupOnTheTarget() throws SQLException {
        ApiFixtures.resetDatabase(dataSource);
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        kafka = new KafkaFixtures(bootstrap, clock);
        backupName = "shop-" + UUID.randomUUID();
        UUID id = kafka.publish(visibleOnTarget(backupName, clock.instant(), Duration.ofMinutes(5)));
        awaitProcessed(id);
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void twoOfThreeObserversDownDecideAndTheDecisionReachesKafka() throws SQLException {
        Instant now = clock.instant();
        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-2", 7, now));

        FailoverDecided decided = awaitDecision();

        assertThat(decided.epoch()).isEqualTo(1);
        assertThat(decided.sourceSite()).isEqualTo("a");
        assertThat(decided.targetSite()).isEqualTo("b");
        assertThat(decided.trigger()).isEqualTo(Trigger.QUORUM);
        assertThat(decided.votes()).extracting(QuorumVote::observerId).containsExactly("obs-1", "obs-2");
        assertThat(decided.disasterStartedAt()).isEqualTo(now.minusSeconds(10));
        assertThat(decided.expectedDataLoss()).isEqualTo(Duration.ofMinutes(5).minusSeconds(10));
        assertThat(decided.approvalRequired()).isFalse();
        assertThat(count("SELECT count(*) FROM failover_run WHERE failover_id = '" + decided.failoverId()
                + "' AND epoch = 1 AND outcome IS NULL")).isEqualTo(1);
        assertThat(count("SELECT epoch FROM site WHERE site_id = 'a'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'failover.decided' AND actor = 'quorum'"))
                .isEqualTo(1);
    }

    @Test
    void moreDownVotesDuringARunDecideNothingMore() throws SQLException {
        Instant now = clock.instant();
        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-2", 1, now));
        awaitDecision();

        awaitProcessed(kafka.publish(down("obs-3", 1, now)), kafka.publish(down("obs-1", 2, now)));

        assertThat(count("SELECT count(*) FROM failover_run")).isEqualTo(1);
        assertThat(count("SELECT epoch FROM site WHERE site_id = 'a'")).isEqualTo(1);
    }

    @Test
    void oneOfThreeDownNeverDecides() throws SQLException {
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>();
        for (long sequence = 1; sequence <= 5; sequence++) {
            ids.add(kafka.publish(down("obs-1", sequence, now.plusSeconds(sequence))));
        }
        ids.add(kafka.publish(up("obs-2", 3, now)));

        awaitProcessed(ids.toArray(UUID[]::new));

        assertNoDecision();
    }

    @Test
    void votesOlderThanTheTtlByEventTimeDoNotCount() throws SQLException {
        // A vote observed 61 s ago reaches the broker now (a lagging or replaying producer): its event time is the
        // observer's time plus the allowed 30 s skew, 31 s ago, older than the 30 s TTL whatever the broker says.
        Instant now = clock.instant();
        double before = rejected("stale");
        awaitProcessed(kafka.publish(down("obs-1", 1, now.minusSeconds(61))));

        awaitProcessed(kafka.publish(down("obs-2", 1, now)));
        assertNoDecision();
        assertThat(rejected("stale")).isEqualTo(before + 1);

        kafka.publish(down("obs-1", 2, clock.instant()));
        assertThat(awaitDecision().votes()).extracting(QuorumVote::observerId).containsExactly("obs-1", "obs-2");
    }

    @Test
    void anUnknownObserversVotesAreRejectedAndCounted() throws SQLException {
        Instant now = clock.instant();
        awaitProcessed(kafka.publish(down("obs-1", 1, now)), kafka.publishSignedBy(down("intruder", 1, now), "obs-1"),
                kafka.publishSignedBy(down("intruder", 2, now), "obs-1"));

        assertNoDecision();
        assertThat(rejected("unknown-observer")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void votesInTheOldUnsignedFormatAreRejectedLoggedAndCountedAndConsumingGoesOn() throws SQLException {
        Instant now = clock.instant();
        double before = rejected("unsigned");
        awaitProcessed(kafka.publishUnsigned(down("obs-2", 1, now)), kafka.publishUnsigned(down("obs-3", 1, now)));

        assertNoDecision();
        assertThat(rejected("unsigned")).isEqualTo(before + 2);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'vote.rejected' AND detail LIKE '%unsigned%'"))
                .isPositive();

        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-2", 1, now));
        assertThat(awaitDecision().votes()).extracting(QuorumVote::observerId).containsExactly("obs-1", "obs-2");
    }

    @Test
    void oneObserverSigningAsTheOthersNeverDecides() throws SQLException {
        Instant now = clock.instant();
        double before = rejected("foreign-key");
        awaitProcessed(kafka.publish(down("obs-1", 1, now)), kafka.publishSignedBy(down("obs-2", 1, now), "obs-1"),
                kafka.publishSignedBy(down("obs-3", 1, now), "obs-1"));

        assertNoDecision();
        assertThat(rejected("foreign-key")).isEqualTo(before + 2);
        assertThat(count("SELECT count(*) FROM site_vote WHERE observer_id <> 'obs-1'")).isZero();
    }

    @Test
    void anUpVoteWithAHugeSequenceDoesNotSilenceTheObserversNextBoot() throws SQLException {
        Instant now = clock.instant();
        awaitProcessed(kafka.publish(up("obs-2", Long.MAX_VALUE, now)));
        awaitProcessed(kafka.publish(down("obs-1", 1, now)));

        // The observer restarts: a new boot, whose sequences start low again, and its down vote counts.
        kafka.publish(EventFixtures.down("obs-2", 1, now, "boot-2"));
        assertThat(awaitDecision().votes()).extracting(QuorumVote::observerId).containsExactly("obs-1", "obs-2");
    }

    @Test
    void aVoteWhoseSequenceIsNotAboveTheLastAcceptedOfItsBootIsAReplay() throws SQLException {
        Instant now = clock.instant();
        awaitProcessed(kafka.publish(down("obs-2", 5, now)), kafka.publish(up("obs-2", 6, now)));
        double before = rejected("replayed");

        // Under a new event id, so that the processed-event log does not catch it first: only the sequence does.
        votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-2", 5, now), now));
        awaitProcessed(kafka.publish(down("obs-1", 1, now)));

        assertNoDecision();
        assertThat(rejected("replayed")).isEqualTo(before + 1);
    }

    @Test
    void anUpVoteWithdrawsTheObserversDownVote() throws SQLException {
        Instant now = clock.instant();
        awaitProcessed(kafka.publish(down("obs-1", 1, now)), kafka.publish(up("obs-1", 2, now)));
        awaitProcessed(kafka.publish(down("obs-2", 1, now)));

        assertNoDecision();
    }

    @Test
    void aDuplicateEventIdChangesNothing() throws SQLException {
        Instant now = clock.instant();
        UUID id = kafka.publish(down("obs-1", 1, now));
        awaitProcessed(id);
        kafka.publishWithId(down("obs-2", 1, now), id);
        UUID marker = kafka.publish(up("obs-3", 1, now));
        awaitProcessed(marker);

        assertNoDecision();
        assertThat(count("SELECT count(*) FROM site_vote WHERE observer_id = 'obs-2'")).isZero();
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopicAndConsumingGoesOn() {
        UUID bad = kafka.publishRaw(Topics.HEALTH, "pra.site.down", SITE, "{\"site\":\"a\",\"sequence\":\"x\"}");
        UUID unknown = kafka.publishRaw(Topics.HEALTH, "pra.site.sideways", SITE, "{\"site\":\"a\"}");
        Instant now = clock.instant();
        kafka.publish(down("obs-1", 1, now));
        kafka.publish(down("obs-3", 1, now));

        assertThat(awaitDecision().votes()).extracting(QuorumVote::observerId).containsExactly("obs-1", "obs-3");
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.readAll(KafkaFixtures.dlqTopic()))
                .filteredOn(record -> bad.toString().equals(KafkaFixtures.header(record, "ce_id")))
                .singleElement()
                .satisfies(record -> assertThat(KafkaFixtures.header(record, "dead-letter-reason"))
                        .contains("pra.site.down").contains("/sequence")));
        assertThat(kafka.readAll(KafkaFixtures.dlqTopic()))
                .noneMatch(record -> unknown.toString().equals(KafkaFixtures.header(record, "ce_id")));
    }

    @Test
    void concurrentQuorumVotesDecideExactlyOneRun() throws Exception {
        Instant now = clock.instant();
        votes.onVote(UUID.randomUUID(), SITE, observers.candidate(down("obs-1", 1, now), now));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Optional<FailoverDecided>>> decisions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String observer = i % 2 == 0 ? "obs-2" : "obs-3";
                long sequence = 10 + i;
                decisions.add(pool.submit(
                        () -> votes.onVote(UUID.randomUUID(), SITE,
                                observers.candidate(down(observer, sequence, now), now))));
            }
            long decided = 0;
            for (Future<Optional<FailoverDecided>> decision : decisions) {
                decided += decision.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
            }
            assertThat(decided).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT count(*) FROM failover_run")).isEqualTo(1);
        assertThat(count("SELECT epoch FROM site WHERE site_id = 'a'")).isEqualTo(1);
        assertThat(awaitDecision().epoch()).isEqualTo(1);
    }

    private FailoverDecided awaitDecision() {
        return await().atMost(WAIT).until(
                () -> kafka.events(Topics.FAILOVER, FailoverDecided.class).stream()
                        .filter(event -> event.chosenBackup().backupName().equals(backupName))
                        .findFirst(),
                Optional::isPresent).orElseThrow();
    }

    private void assertNoDecision() throws SQLException {
        assertThat(count("SELECT count(*) FROM failover_run")).isZero();
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'pra.failover.decided' "
                + "AND payload -> 'chosenBackup' ->> 'backupName' = '" + backupName + "'")).isZero();
        assertThat(count("SELECT epoch FROM site WHERE site_id = 'a'")).isZero();
    }

    private void awaitProcessed(UUID... ids) {
        for (UUID id : ids) {
            await().atMost(WAIT).until(
                    () -> count("SELECT count(*) FROM processed_event WHERE event_id = '" + id + "'") == 1);
        }
    }

    /** {@code pra_votes_rejected_total{reason}} on site a, as /q/metrics shows it (0 when absent). */
    private static double rejected(String reason) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher matcher = java.util.regex.Pattern
                .compile("pra_votes_rejected_total\\{reason=\"" + reason + "\",site=\"a\"} ([0-9.E]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
