package io.pra.health.domain;

import static io.pra.health.domain.DomainFixtures.at;
import static io.pra.health.domain.DomainFixtures.check;
import static io.pra.health.domain.DomainFixtures.failed;
import static io.pra.health.domain.DomainFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.health.FailingCheck;
import io.pra.events.health.Severity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SiteTrackerTest {

    private final CheckTracker front = new CheckTracker(check("front", Severity.CRITICAL, 1, 1));
    private final CheckTracker api = new CheckTracker(check("api", Severity.CRITICAL, 1, 1));
    private final CheckTracker cache = new CheckTracker(check("cache", Severity.WARNING, 1, 1));

    @Test
    void allCriticalNeedsEveryCriticalCheckAndIgnoresWarnings() {
        SiteTracker site = new SiteTracker("a", DownRule.allCritical());
        cache.record(failed(), at(0));
        front.record(failed(), at(1));
        assertThat(site.evaluate(snapshots()).down()).isFalse();
        api.record(failed(), at(2));
        SiteVerdict verdict = site.evaluate(snapshots());
        assertThat(verdict.down()).isTrue();
        assertThat(verdict.changed()).isTrue();
        assertThat(verdict.firstFailedAt()).as("DOWN from the moment both were failing").isEqualTo(at(2));
        assertThat(verdict.failingChecks()).extracting(FailingCheck::checkId).containsExactlyInAnyOrder("front", "api");
        assertThat(site.evaluate(snapshots()).changed()).isFalse();
    }

    @Test
    void atLeastCountsDegradedCriticalChecks() {
        SiteTracker site = new SiteTracker("a", DownRule.atLeast(1));
        api.record(failed(), at(5));
        assertThat(site.evaluate(snapshots()).down()).isTrue();
        api.record(passed(), at(6));
        SiteVerdict up = site.evaluate(snapshots());
        assertThat(up.down()).isFalse();
        assertThat(up.changed()).isTrue();
        assertThat(up.firstFailedAt()).as("the outage that ended").isEqualTo(at(5));
    }

    /**
     * The drill's case (interval 2 s, thresholds 2/2, site A lost at second 20): a check that degraded on a slow
     * start-up probe and has flapped since, never passing twice in a row, stayed DEGRADED since second 4. The outage
     * must start when both checks fail, not at that old degradation (16 s before the outage).
     */
    @Test
    void anEarlierDegradationThatNeverFullyHealedDoesNotMoveTheOutageStartBack() {
        CheckTracker workloads = new CheckTracker(check("workloads", Severity.CRITICAL, 2, 2));
        CheckTracker kubeApi = new CheckTracker(check("api", Severity.CRITICAL, 2, 2));
        SiteTracker site = new SiteTracker("a", DownRule.allCritical());
        workloads.record(failed(), at(4));
        workloads.record(failed(), at(6));
        for (int second = 8; second < 20; second += 4) {
            workloads.record(passed(), at(second));
            workloads.record(failed(), at(second + 2));
        }
        workloads.record(passed(), at(19));
        for (int second = 1; second < 20; second += 2) {
            kubeApi.record(passed(), at(second));
        }
        assertThat(workloads.status()).isEqualTo(CheckStatus.DEGRADED);
        assertThat(site.evaluate(List.of(workloads.snapshot(), kubeApi.snapshot())).down()).isFalse();

        workloads.record(failed(), at(20));
        kubeApi.record(failed(), at(21));
        workloads.record(failed(), at(22));
        kubeApi.record(failed(), at(23));
        SiteVerdict verdict = site.evaluate(List.of(workloads.snapshot(), kubeApi.snapshot()));

        assertThat(verdict.down()).isTrue();
        assertThat(verdict.firstFailedAt()).isEqualTo(at(21));
    }

    @Test
    void aCheckFailingAloneBeforeTheOutageDoesNotMoveItsStartBack() {
        SiteTracker site = new SiteTracker("a", DownRule.allCritical());
        front.record(failed(), at(0));
        for (int second = 1; second < 15; second++) {
            front.record(failed(), at(second));
            api.record(passed(), at(second));
        }
        assertThat(site.evaluate(snapshots()).down()).isFalse();
        api.record(failed(), at(15));
        assertThat(site.evaluate(snapshots()).firstFailedAt()).isEqualTo(at(15));
    }

    @Test
    void atLeastStartsWhenTheNthCheckStartedFailingCountingChecksNotYetDegraded() {
        CheckTracker slow = new CheckTracker(check("slow", Severity.CRITICAL, 5, 1));
        SiteTracker site = new SiteTracker("a", DownRule.atLeast(1));
        slow.record(failed(), at(10));
        api.record(failed(), at(11));
        SiteVerdict verdict = site.evaluate(List.of(slow.snapshot(), api.snapshot()));
        assertThat(verdict.down()).isTrue();
        assertThat(verdict.firstFailedAt()).as("one critical check failing since second 10").isEqualTo(at(10));
    }

    @Test
    void theOutageStartStaysTheSameForTheWholeEpisode() {
        SiteTracker site = new SiteTracker("a", DownRule.atLeast(1));
        api.record(failed(), at(5));
        assertThat(site.evaluate(snapshots()).firstFailedAt()).isEqualTo(at(5));
        front.record(failed(), at(6));
        api.record(passed(), at(7));
        api.record(failed(), at(8));
        SiteVerdict heartbeat = site.evaluate(snapshots());
        assertThat(heartbeat.down()).isTrue();
        assertThat(heartbeat.firstFailedAt()).isEqualTo(at(5));
        front.record(passed(), at(9));
        api.record(passed(), at(9));
        assertThat(site.evaluate(snapshots()).firstFailedAt()).as("the site.up names the episode it ends").isEqualTo(at(5));
    }

    @Test
    void aSiteWithoutCriticalChecksIsNeverDown() {
        assertThat(DownRule.allCritical().isDown(List.of(cache.snapshot()))).isFalse();
    }

    private List<CheckSnapshot> snapshots() {
        return Stream.of(front, api, cache).map(CheckTracker::snapshot).toList();
    }
}
