package io.pra.bench;

import static io.pra.bench.ObjectivesSection.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pra.bench.report.Section;

class ObjectivesSectionTest {

    @Test
    void judgesEachMeasuredFigureAgainstItsTarget() {
        Section decision = new Section("decision", "3").put("quorumVoteToDecided", Map.of("p99Ms", 72.0))
                .put("siteLossToDecided", Map.of("p99Ms", 6_500.0));
        Section probing = new Section("probing", "1").put("runs", List.of(
                run(5_000, 2_000, 0), run(1_000, 1_000, 0), run(2_500, 2_500, 0), run(10_000, 10_000, 3)));

        Map<String, Object> objectives = objectives(ObjectivesSection.of(List.of(decision, probing)));

        assertThat(objectives.get("last quorum vote → `pra.failover.decided`"))
                .isEqualTo(result(72.0, 50.0, false));
        assertThat(objectives.get("site loss → failover decided (3 observers)"))
                .isEqualTo(result(6_500.0, 10_000.0, true));
        assertThat(objectives.get("health probes per instance, 2 cores"))
                .as("5,000 offered fell behind, 10,000 missed rounds: 2,500 is the rate kept up")
                .isEqualTo(result(2_500.0, 2_000.0, true));
    }

    @Test
    void anObjectiveWhoseComparisonDidNotRunIsNotMeasuredRatherThanMet() {
        Section section = ObjectivesSection.of(List.of());

        assertThat(objectives(section).get("critical notification delivered")).isEqualTo(result(null, 1_000.0, null));
        assertThat(objectives(section).get("memory, notifier-service")).isEqualTo(result(null, 200.0, null));
        assertThat(String.join("\n", section.blocks())).contains("| critical notification delivered | p99 ≤ 1000 ms "
                + "| not measured |");
    }

    @Test
    void missedMemorySaysWhyWithTheRunsNonHeapFigures() {
        Section footprint = new Section("footprint", "5").put("services", Map.of(
                "health-service", Map.of("rssMbSettled", Map.of("median", 160.0),
                        "nonHeapCommittedMb", Map.of("median", 67.0)),
                "notifier-service", Map.of("rssMbSettled", Map.of("median", 376.0),
                        "nonHeapCommittedMb", Map.of("median", 138.0))));

        Section section = ObjectivesSection.of(List.of(footprint));

        assertThat(objectives(section).get("memory, health-service")).isEqualTo(result(160.0, 200.0, true));
        assertThat(objectives(section).get("memory, notifier-service")).isEqualTo(result(376.0, 200.0, false));
        assertThat(section.blocks().get(section.blocks().size() - 1)).startsWith("Why memory is missed")
                .contains("67–138 MB here");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectives(Section section) {
        return (Map<String, Object>) section.json().get("objectives");
    }

    private static Map<String, Object> run(double offered, double sustained, double missedMax) {
        return Map.of("offeredProbesPerSecond", offered, "pra", Map.of("probesPerSecond", Map.of("median", sustained),
                "missedRounds", Map.of("max", missedMax)));
    }
}
