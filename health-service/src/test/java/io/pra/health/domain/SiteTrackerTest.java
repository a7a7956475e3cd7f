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
        assertThat(verdict.firstFailedAt()).isEqualTo(at(1));
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

    @Test
    void aSiteWithoutCriticalChecksIsNeverDown() {
        assertThat(DownRule.allCritical().isDown(List.of(cache.snapshot()))).isFalse();
    }

    private List<CheckSnapshot> snapshots() {
        return Stream.of(front, api, cache).map(CheckTracker::snapshot).toList();
    }
}
