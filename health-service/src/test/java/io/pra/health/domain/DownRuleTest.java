package io.pra.health.domain;

import static io.pra.health.domain.DomainFixtures.at;
import static io.pra.health.domain.DomainFixtures.check;
import static io.pra.health.domain.DomainFixtures.failed;
import static io.pra.health.domain.DomainFixtures.passed;
import static org.assertj.core.api.Assertions.assertThat;

import io.pra.events.health.Severity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When an observer may vote a site up: only on evidence. */
class DownRuleTest {

    private final CheckTracker front = new CheckTracker(check("front", Severity.CRITICAL, 2, 1));
    private final CheckTracker api = new CheckTracker(check("api", Severity.CRITICAL, 2, 1));
    private final CheckTracker cache = new CheckTracker(check("cache", Severity.WARNING, 2, 1));

    @Test
    void aSiteIsJudgedUpOnceEveryCriticalCheckHasBeenProbedAndItIsNotDown() {
        DownRule rule = DownRule.allCritical();
        assertThat(rule.judgesUp(List.of(front.snapshot(), api.snapshot(), cache.snapshot())))
                .as("nothing probed yet").isFalse();
        front.record(passed(), at(1));
        assertThat(rule.judgesUp(List.of(front.snapshot(), api.snapshot(), cache.snapshot())))
                .as("api not probed yet").isFalse();
        api.record(failed(), at(2));
        assertThat(rule.judgesUp(List.of(front.snapshot(), api.snapshot(), cache.snapshot())))
                .as("api failing below its threshold: still up, and judged; the warning check has no say").isTrue();
        api.record(failed(), at(3));
        front.record(failed(), at(3));
        front.record(failed(), at(4));
        assertThat(rule.isDown(List.of(front.snapshot(), api.snapshot()))).isTrue();
        assertThat(rule.judgesUp(List.of(front.snapshot(), api.snapshot()))).as("down").isFalse();
    }

    @Test
    void aCheckFailingInItsStartUpGraceIsNotJudgedSoTheSiteIsNotVotedUp() {
        StartupGrace grace = new StartupGrace(at(0), Duration.ofSeconds(30));
        CheckTracker warming = new CheckTracker(check("front", Severity.CRITICAL, 2, 1), grace);
        warming.record(failed(), at(1));
        warming.record(failed(), at(2));
        assertThat(DownRule.allCritical().judgesUp(List.of(warming.snapshot()))).isFalse();
        warming.record(passed(), at(3));
        assertThat(DownRule.allCritical().judgesUp(List.of(warming.snapshot()))).isTrue();
    }

    @Test
    void aSiteWithoutCriticalChecksIsNeverJudgedUpNorDown() {
        cache.record(passed(), at(1));
        assertThat(DownRule.allCritical().judgesUp(List.of(cache.snapshot()))).isFalse();
        assertThat(DownRule.allCritical().isDown(List.of(cache.snapshot()))).isFalse();
    }
}
