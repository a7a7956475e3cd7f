package io.pra.cli.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    private static final String VALID = """
            name: observer-partition-then-site-loss
            objectives: {rto: 2h, rpo: 15m}
            config: {mode: AUTO, quorum: 2, voteTtl: 30s, probeInterval: 2s, failureThreshold: 3}
            timeline:
              - {at: 0s,  do: backup}
              - {at: 10s, do: partition, observer: obs-cloud}
              - {at: 15s, do: outage, site: a}
              - {at: 20s, do: kill, service: failover-service}
              - {at: 22s, do: start, service: failover-service}
            until: {event: pra.failover.completed, timeout: 120s}
            expect:
              failovers: 1
              maxDecisionSeconds: 15
              maxRtoSeconds: 90
              restoresPerEpoch: 1
              cutoversPerEpoch: 1
              notifications: {slack: ">=1", email: ">=1"}
            """;

    @Test
    void readsTheIssuesExample() {
        Scenario scenario = ScenarioParser.parse(VALID, "example.yaml");

        assertThat(scenario.name()).isEqualTo("observer-partition-then-site-loss");
        assertThat(scenario.objectives().rto()).isEqualTo(Duration.ofHours(2));
        assertThat(scenario.settings().voteTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(scenario.settings().failureThreshold()).isEqualTo(3);
        assertThat(scenario.timeline()).extracting(Scenario.Step::action)
                .containsExactly(Action.BACKUP, Action.PARTITION, Action.OUTAGE, Action.KILL, Action.START);
        assertThat(scenario.timeline().get(1).fields()).containsEntry("observer", "obs-cloud");
        assertThat(scenario.timeline().get(2).line()).isEqualTo(7);
        assertThat(scenario.until().event()).contains("pra.failover.completed");
        assertThat(scenario.expectations()).extracting(Scenario.Expectation::key)
                .contains("failovers", "notifications.slack", "notifications.email");
    }

    @Test
    void readsEventAndPhaseTriggersWithTheirDelay() {
        Scenario scenario = ScenarioParser.parse(VALID.replace("{at: 20s, do: kill, service: failover-service}",
                "{when: {phase: RESTORE, status: STARTED}, do: kill, service: failover-service}")
                .replace("{at: 22s, do: start, service: failover-service}",
                        "{on: pra.failover.decided, after: 1.5s, do: start, service: failover-service}"), "t.yaml");

        assertThat(scenario.timeline()).extracting(Scenario.Step::trigger).containsExactly(
                new Scenario.Trigger.At(Duration.ZERO), new Scenario.Trigger.At(Duration.ofSeconds(10)),
                new Scenario.Trigger.At(Duration.ofSeconds(15)), new Scenario.Trigger.When("RESTORE", "STARTED"),
                new Scenario.Trigger.On("pra.failover.decided"));
        assertThat(scenario.timeline().get(4).after()).isEqualTo(Duration.ofMillis(1500));
        assertThat(scenario.timeline().get(3).after()).isZero();
    }

    @Test
    void refusesAStepWithoutOrWithTwoTriggersOrABadOne() {
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{do: kill"), "bad.yaml")).hasMessageContaining("bad.yaml:8")
                .hasMessageContaining("needs exactly one of 'at', 'on' or 'when'");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{at: 20s, on: pra.failover.decided, do: kill"), "bad.yaml"))
                .hasMessageContaining("got at and on");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{on: pra.failover.exploded, do: kill"), "bad.yaml"))
                .hasMessageContaining("unknown event type 'pra.failover.exploded'");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{when: {phase: RESTORE, status: DONE}, do: kill"), "bad.yaml"))
                .hasMessageContaining("'DONE' is not one of FAILED, SKIPPED, STARTED, SUCCEEDED");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{when: {phase: RESTORE}, do: kill"), "bad.yaml"))
                .hasMessageContaining("'status' is required");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill",
                "{at: 20s, after: -1s, do: kill"), "bad.yaml"))
                .hasMessageContaining("'after' cannot be negative");
    }

    @Test
    void refusesAnUnknownActionWithItsLine() {
        String yaml = VALID.replace("do: kill, service: failover-service", "do: explode, service: failover-service");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "bad.yaml"))
                .isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml:8")
                .hasMessageContaining("unknown action 'explode'")
                .satisfies(e -> assertThat(((ScenarioException) e).line()).isEqualTo(8));
    }

    @Test
    void refusesAFieldTheActionDoesNotTake() {
        String yaml = VALID.replace("do: outage, site: a}", "do: outage, site: a, colour: red}");

        assertThatThrownBy(() -> ScenarioParser.parse(yaml, "bad.yaml"))
                .hasMessageContaining("bad.yaml:7").hasMessageContaining("unknown field 'colour' for action 'outage'");
    }

    @Test
    void refusesAnUnknownTopLevelFieldAnExpectationOrASetting() {
        assertThatThrownBy(() -> ScenarioParser.parse(VALID + "extra: 1\n", "bad.yaml"))
                .hasMessageContaining("bad.yaml:18").hasMessageContaining("unknown field 'extra'");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("failovers: 1", "failoverz: 1"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:12").hasMessageContaining("unknown expectation 'failoverz'");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("quorum: 2", "quorom: 2"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:3").hasMessageContaining("unknown field 'quorom' in config");
    }

    @Test
    void refusesBadValues() {
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("at: 15s", "at: soon"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:7").hasMessageContaining("not a duration: 'soon'");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("observer: obs-cloud", "observer: obs-z"),
                "bad.yaml")).hasMessageContaining("bad.yaml:6").hasMessageContaining("'obs-z' is not one of");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("slack: \">=1\"", "slack: \"lots\""),
                "bad.yaml")).hasMessageContaining("bad.yaml:17").hasMessageContaining("takes a count");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("at: 22s", "at: 1s"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:9").hasMessageContaining("time order");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("pra.failover.completed", "pra.failover.done"),
                "bad.yaml")).hasMessageContaining("bad.yaml:10").hasMessageContaining("unknown event type");
    }

    @Test
    void refusesMissingPartsAndBrokenYaml() {
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("name: observer-partition-then-site-loss\n", ""),
                "bad.yaml")).hasMessageContaining("'name' is required");
        assertThatThrownBy(() -> ScenarioParser.parse("name: x\ntimeline: [\n", "bad.yaml"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("do: outage, site: a}", "do: outage}"),
                "bad.yaml")).hasMessageContaining("bad.yaml:7").hasMessageContaining("'outage' needs 'site'");
    }

    @Test
    void readsAManualFailoverAndTheFenceExpectation() {
        Scenario scenario = ScenarioParser.parse(VALID.replace("{at: 20s, do: kill, service: failover-service}",
                "{at: 20s, do: failover, site: a, by: alice, reason: site A serves errors}")
                .replace("failovers: 1", "fence: SUCCEEDED"), "t.yaml");

        assertThat(scenario.timeline().get(3).action()).isEqualTo(Action.FAILOVER);
        assertThat(scenario.timeline().get(3).fields()).containsEntry("site", "a").containsEntry("by", "alice")
                .containsEntry("reason", "site A serves errors");
        assertThat(scenario.expectations()).extracting(Scenario.Expectation::key, Scenario.Expectation::value)
                .contains(tuple("fence", "SUCCEEDED"));
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("{at: 20s, do: kill, service: failover-service}",
                "{at: 20s, do: failover, site: c}"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:8").hasMessageContaining("'c' is not one of");
        assertThatThrownBy(() -> ScenarioParser.parse(VALID.replace("failovers: 1", "fence: DONE"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:12").hasMessageContaining("SUCCEEDED, SKIPPED or FAILED");
    }

    @Test
    void theBuiltInScenarioIsTheOneInScenarios() throws IOException {
        Scenario builtIn = ScenarioParser.builtIn();

        assertThat(builtIn.name()).isEqualTo("site-loss");
        Path copy = ScenarioFiles.root().resolve("scenarios/site-loss.yaml");
        try (var in = ScenarioParser.class.getResourceAsStream(ScenarioParser.DEFAULT_RESOURCE)) {
            assertThat(Files.readString(copy)).isEqualTo(new String(in.readAllBytes()));
        }
    }

    @Test
    void everyScenarioInTheRepositoryIsValid() throws IOException {
        try (Stream<Path> files = Files.list(ScenarioFiles.root().resolve("scenarios"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".yaml")).map(ScenarioParser::parse))
                    .isNotEmpty().allSatisfy(s -> assertThat(s.expectations()).isNotEmpty());
        }
    }
}
