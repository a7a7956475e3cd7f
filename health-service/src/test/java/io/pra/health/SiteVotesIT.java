package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

import io.pra.events.health.FailingCheck;
import io.pra.events.health.SiteDown;
import io.pra.events.health.SiteUp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A site whose critical checks all fail is voted down every round with a growing sequence, then voted up every round;
 * every record is signed.
 */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SiteVotesIT {

    private static final String SITE = "down";

    @Targets
    TargetFarm farm;

    private HealthTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new HealthTopic();
    }

    @AfterEach
    void closeTopic() {
        farm.respond("/down/front", 200);
        farm.respond("/down/api", 200);
        topic.close();
    }

    @Test
    void criticalChecksDownGiveHeartbeatsWithAGrowingSequenceAndRecoveryGivesSiteUpHeartbeats() {
        HealthFixtures.awaitWarmedUp(SITE);
        farm.respond("/down/front", 503);
        assertThat(topic.events(SiteDown.class, SITE)).as("one critical check failing is not enough").isEmpty();
        farm.respond("/down/api", 503);

        await().atMost(Duration.ofSeconds(30)).until(() -> topic.events(SiteDown.class, SITE).size() >= 4);
        List<SiteDown> votes = topic.events(SiteDown.class, SITE);
        assertThat(votes).extracting(SiteDown::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(votes).extracting(SiteDown::firstFailedAt).containsOnly(votes.get(0).firstFailedAt());
        assertThat(votes).allSatisfy(vote -> {
            assertThat(vote.observerId()).isEqualTo(HealthFixtures.OBSERVER);
            assertThat(vote.failureDomain()).isEqualTo(HealthFixtures.DOMAIN);
            assertThat(vote.voteTtl()).isEqualTo(Duration.ofSeconds(3));
            assertThat(vote.failingChecks()).extracting(FailingCheck::checkId).containsExactlyInAnyOrder("front", "api");
            assertThat(vote.failingChecks()).allSatisfy(check -> assertThat(check.evidence().statusCode()).isEqualTo(503));
        });
        // Heartbeats come every vote interval (300 ms), not every probe (100 ms).
        assertThat(Duration.between(votes.get(1).observedAt(), votes.get(3).observedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("pra_site_down{site=\"down\"} 1.0")
                .contains("pra_check_up{check=\"front\",site=\"down\"} 0.0")
                .containsPattern("pra_probe_latency_seconds_bucket\\{check=\"api\",site=\"down\",le=\"[0-9.]+\"\\} [1-9]")
                .containsPattern("pra_probes_total\\{result=\"fail\",site=\"down\"\\} [1-9]");

        farm.respond("/down/front", 200);
        farm.respond("/down/api", 200);
        long lastDown = votes.get(votes.size() - 1).sequence();
        // Up again: one site.up at once, then one every vote interval (heartbeats), as for down.
        await().atMost(Duration.ofSeconds(30)).until(() -> upVotesAfter(lastDown).size() >= 4);
        List<SiteUp> ups = upVotesAfter(lastDown);
        long lastDownSent = topic.events(SiteDown.class, SITE).stream().mapToLong(SiteDown::sequence).max().orElseThrow();
        assertThat(ups.get(0).sequence()).isGreaterThan(lastDownSent);
        assertThat(ups.get(0).firstFailedAt()).as("the up vote ending the outage names it")
                .isEqualTo(votes.get(0).firstFailedAt());
        assertThat(ups.subList(1, ups.size())).as("heartbeats end no outage").extracting(SiteUp::firstFailedAt)
                .containsOnlyNulls();
        assertThat(ups).extracting(SiteUp::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(Duration.between(ups.get(1).observedAt(), ups.get(3).observedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(500));

        // One boot: every vote carries the same boot id.
        assertThat(topic.events(SiteDown.class, SITE)).extracting(SiteDown::bootId).containsOnly(votes.get(0).bootId());
        assertThat(ups).extracting(SiteUp::bootId).containsOnly(votes.get(0).bootId());
        assertThat(votes.get(0).bootId()).isNotBlank();

        int downVotes = topic.events(SiteDown.class, SITE).size();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> topic.events(SiteDown.class, SITE).size() == downVotes);
        given().get("/sites").then().statusCode(200)
                .body("find { it.site == 'down' }.down", is(false))
                .body("find { it.site == 'down' }.checks", is(2));
        assertThat(given().get("/q/metrics").then().extract().asString()).contains("pra_site_down{site=\"down\"} 0.0");

        // Every record of the episode (degraded, down votes, recovered, up votes) is signed as it was sent.
        PublicKey key = SigningFixtures.observerPublicKey();
        assertThat(topic.records(SITE)).extracting(record -> record.attributes().type())
                .contains("pra.health.degraded", "pra.site.down", "pra.health.recovered", "pra.site.up");
        assertThat(topic.records(SITE)).allSatisfy(record -> SigningFixtures.assertSignedBy(record, key));
        HealthTopic.Received downVote = topic.records(SITE).stream().filter(record -> record.event() instanceof SiteDown)
                .findFirst().orElseThrow();
        assertThat(SigningFixtures.verifiesWithOneByteChanged(downVote, key)).as("one byte of the value changed")
                .isFalse();
    }

    private List<SiteUp> upVotesAfter(long sequence) {
        return topic.events(SiteUp.class, SITE).stream().filter(up -> up.sequence() > sequence).toList();
    }
}
