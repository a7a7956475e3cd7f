package io.pra.failover.it;

import static io.pra.failover.it.EventFixtures.down;
import static io.pra.failover.it.EventFixtures.visibleOnTarget;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.pra.events.Topics;
import io.pra.events.failover.FailoverDecided;
import io.pra.events.failover.FailoverQuorumIncomplete;
import io.pra.events.failover.QuorumVote;
import io.pra.testkit.SharedInfrastructure;
import io.pra.testkit.db.PostgresServer;
import io.pra.testkit.site.MutableClock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deploy/ topology with its witness replaced by a second observer on site B: obs-1 in {@code site-a}, obs-2 and
 * obs-3 in {@code site-b}. An A–B link cut (site B's observers alone vote down) is an incomplete quorum, reported
 * once and never a failover; a vote of site A's domain completes it. And a valid event that arrives while
 * PostgreSQL is down is retried until it is recorded, never dead-lettered.
 */
@QuarkusTest
@WithTestResource(value = FailoverTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "failover_domains"),
        @ResourceArg(name = "topics", value = "pra.health:3,pra.backup:3,pra.failover:3,pra.dlq.failover-service:1"),
        @ResourceArg(name = "config.pra.failover.observers.\"obs-3\".domain", value = "site-b")})
class QuorumDomainsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MutableClock clock;

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
        awaitProcessed(kafka.publish(visibleOnTarget(backupName, clock.instant(), Duration.ofMinutes(5))));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void siteBsObserversAloneAreAnIncompleteQuorumReportedOnceThenSiteAsVoteDecides() throws SQLException {
        Instant now = clock.instant();
        awaitProcessed(kafka.publish(down("obs-2", 1, now)), kafka.publish(down("obs-3", 1, now)));
        // They keep voting down (heartbeats) while the link stays cut: still one report for the episode.
        awaitProcessed(kafka.publish(down("obs-2", 2, now.plusSeconds(1))),
                kafka.publish(down("obs-3", 2, now.plusSeconds(1))));

        List<FailoverQuorumIncomplete> reports = await().atMost(WAIT).until(this::incompleteReports,
                found -> !found.isEmpty());
        // The later heartbeats were processed before the first report was read: it is the only one.
        assertThat(incompleteReports()).hasSize(1);
        assertThat(count("SELECT count(*) FROM outbox_event WHERE type = 'pra.failover.quorum-incomplete'")).isEqualTo(1);
        FailoverQuorumIncomplete report = reports.get(0);
        assertThat(report.requiredVotes()).isEqualTo(2);
        assertThat(report.requiredDomains()).isEqualTo(2);
        assertThat(report.votes()).extracting(QuorumVote::observerId).containsExactly("obs-2", "obs-3");
        assertThat(report.domains()).containsExactly("site-b");
        assertThat(count("SELECT count(*) FROM failover_run")).isZero();
        assertThat(gauge("pra_failover_quorum_incomplete\\{site=\"a\"}")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM audit_entry WHERE action = 'failover.quorum-incomplete'")).isEqualTo(1);

        kafka.publish(down("obs-1", 1, clock.instant()));
        FailoverDecided decided = await().atMost(WAIT).until(() -> kafka.events(Topics.FAILOVER, FailoverDecided.class)
                .stream().filter(event -> event.chosenBackup().backupName().equals(backupName)).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
        assertThat(decided.votes()).extracting(QuorumVote::observerId).contains("obs-1");
        assertThat(decided.votes()).extracting(QuorumVote::failureDomain).contains("site-a", "site-b");
    }

    @Test
    void aBackupAndAVoteReceivedWhileTheDatabaseIsDownAreRecordedWhenItReturnsNotDeadLettered() throws SQLException {
        PostgresServer postgres = SharedInfrastructure.postgres();
        assertThat(postgres.isOwned()).as("the test kit's embedded PostgreSQL (it can be stopped)").isTrue();
        String name = "shop-outage-" + UUID.randomUUID();
        double retriesBefore = gauge("pra_intake_retries_total");
        UUID backup;
        UUID vote;
        postgres.stop();
        try {
            backup = kafka.publish(visibleOnTarget(name, clock.instant(), Duration.ofMinutes(1)));
            vote = kafka.publish(down("obs-1", 1, clock.instant()));
            // Received and not recorded: retried in place (a dead-lettered copy would end the wait too, and fail below).
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge("pra_intake_retries_total") >= retriesBefore + 2
                    || !deadLetters(backup, vote).isEmpty());
        } finally {
            postgres.start();
        }

        awaitProcessed(backup, vote);
        assertThat(count("SELECT count(*) FROM backup_seen WHERE backup_name = '" + name + "'")).isEqualTo(1);
        // The vote was taken in too (recorded, or refused as stale if the outage outlasted its TTL): not lost.
        assertThat(deadLetters(backup, vote)).isEmpty();
    }

    private List<FailoverQuorumIncomplete> incompleteReports() {
        return kafka.events(Topics.FAILOVER, FailoverQuorumIncomplete.class).stream()
                .filter(event -> event.detectedAt().isAfter(clock.instant().minusSeconds(60))
                        && event.votes().stream().allMatch(v -> !v.observerId().equals("obs-1")))
                .toList();
    }

    private List<String> deadLetters(UUID... ids) {
        List<String> wanted = java.util.Arrays.stream(ids).map(UUID::toString).toList();
        return kafka.readAll(KafkaFixtures.dlqTopic()).stream()
                .map(record -> KafkaFixtures.header(record, "ce_id")).filter(wanted::contains).toList();
    }

    /** A metric of /q/metrics matched by {@code pattern} (its labels included), summed; 0 when absent. */
    private static double gauge(String pattern) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("(?m)^" + pattern + "(?:\\{[^}]*})? ([0-9.E+-]+)$").matcher(metrics);
        double sum = 0;
        while (matcher.find()) {
            sum += Double.parseDouble(matcher.group(1));
        }
        return sum;
    }

    private void awaitProcessed(UUID... ids) {
        for (UUID id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> count("SELECT count(*) FROM processed_event WHERE event_id = '" + id + "'") == 1);
        }
    }

    private long count(String sql) throws SQLException {
        return ApiFixtures.count(dataSource, sql);
    }
}
