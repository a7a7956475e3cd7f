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

    private static final String WITNESS = """
            name: link-cut-witness
            observers:
              - {id: obs-b1, domain: site-b}
              - {id: obs-b2, domain: site-b}
              - {id: obs-w, domain: witness}
            config: {quorum: 3, quorumDomains: 2, clockSkew: {obs-w: -30m}}
            timeline:
              - {at: 1s, do: link-cut, domain: site-b, site: a}
              - {at: 2s, do: link-heal, observer: obs-b2, site: a}
              - {at: 3s, do: forge-vote, as: obs-b1, site: a, state: down, signer: obs-w}
              - {at: 4s, do: forge-vote, as: obs-w, site: a, state: up, signer: none, sequence: 9223372036854775807}
              - {at: 9s, do: replay-votes, from: 1s, to: 5s}
              - {at: 10s, do: partition, observer: obs-w}
            until: {timeout: 30s}
            expect:
              failovers: 0
              rejectedVotes: ">=3"
              quorumIncomplete: 1
            """;

    @Test
    void readsObserversAndTheStepsThatNameThem() {
        Scenario scenario = ScenarioParser.parse(WITNESS, "witness.yaml");

        assertThat(scenario.observers()).containsExactly(new DrillTopology.Observer("obs-b1", "site-b"),
                new DrillTopology.Observer("obs-b2", "site-b"), new DrillTopology.Observer("obs-w", "witness"));
        assertThat(scenario.settings().quorum()).isEqualTo(3);
        assertThat(scenario.settings().quorumDomains()).isEqualTo(2);
        assertThat(scenario.settings().clockSkew()).containsEntry("obs-w", Duration.ofMinutes(-30));
        assertThat(scenario.timeline()).extracting(Scenario.Step::action).containsExactly(Action.LINK_CUT,
                Action.LINK_HEAL, Action.FORGE_VOTE, Action.FORGE_VOTE, Action.REPLAY_VOTES, Action.PARTITION);
        assertThat(scenario.timeline().get(0).fields()).containsEntry("domain", "site-b").containsEntry("site", "a");
        assertThat(scenario.timeline().get(3).fields()).containsEntry("signer", "none")
                .containsEntry("sequence", "9223372036854775807");
        assertThat(scenario.expectations()).extracting(Scenario.Expectation::key)
                .containsExactly("failovers", "rejectedVotes", "quorumIncomplete");
    }

    @Test
    void withoutObserversTheDrillRunsTheThreeDefaultOnes() {
        Scenario scenario = ScenarioParser.parse(VALID, "example.yaml");

        assertThat(scenario.observers()).isEqualTo(DrillTopology.DEFAULT_OBSERVERS);
        assertThat(scenario.observers()).extracting(DrillTopology.Observer::id)
                .containsExactly("obs-b", "obs-cloud", "obs-a");
        assertThat(scenario.settings().quorumDomains()).isEqualTo(2);
    }

    @Test
    void refusesObserverListsADrillCannotRun() {
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("""
                  - {id: obs-b2, domain: site-b}
                  - {id: obs-w, domain: witness}
                """, ""), "bad.yaml")).hasMessageContaining("bad.yaml:2")
                .hasMessageContaining("a drill runs 2 to 5 observers, got 1");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("  - {id: obs-w, domain: witness}\n", """
                  - {id: obs-w, domain: witness}
                  - {id: obs-x, domain: x}
                  - {id: obs-y, domain: y}
                  - {id: obs-z, domain: z}
                """), "bad.yaml")).hasMessageContaining("got 6");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("id: obs-b2", "id: obs-b1"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:4").hasMessageContaining("observer id 'obs-b1' given twice");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("id: obs-b2", "id: Obs_B2"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:4").hasMessageContaining("observer id 'Obs_B2' must be lowercase");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("id: obs-b2", "id: failover-service"),
                "bad.yaml")).hasMessageContaining("is a service's name");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("domain: witness", "domain: the witness"),
                "bad.yaml")).hasMessageContaining("bad.yaml:5").hasMessageContaining("failure domain 'the witness'");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("{id: obs-w, domain: witness}",
                "{id: obs-w}"), "bad.yaml")).hasMessageContaining("bad.yaml:5").hasMessageContaining("'domain' is "
                + "required");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("{id: obs-w, domain: witness}",
                "{id: obs-w, domain: witness, zone: z}"), "bad.yaml"))
                .hasMessageContaining("unknown field 'zone' in an observer");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("observers:\n", "observers: obs-b1\n")
                .replaceAll("(?m)^  - \\{id.*\n", ""), "bad.yaml")).hasMessageContaining("observers must be a list");
    }

    @Test
    void refusesSettingsAndStepsThatDoNotFitTheObservers() {
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("quorum: 3", "quorum: 4"), "bad.yaml"))
                .hasMessageContaining("bad.yaml:6").hasMessageContaining("must be between 2 and 3, got 4");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("quorumDomains: 2", "quorumDomains: 3"),
                "bad.yaml")).hasMessageContaining("must be between 1 and 2, got 3");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("domain: witness", "domain: site-b")
                .replace("quorumDomains: 2, ", ""), "bad.yaml"))
                .hasMessageContaining("set config.quorumDomains: 1");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("{obs-w: -30m}", "{obs-a: -30m}"),
                "bad.yaml")).hasMessageContaining("unknown field 'obs-a' in clockSkew; known: obs-b1, obs-b2, obs-w");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("partition, observer: obs-w",
                "partition, observer: obs-b"), "bad.yaml")).hasMessageContaining("bad.yaml:13")
                .hasMessageContaining("'obs-b' is not one of obs-b1, obs-b2, obs-w");
    }

    @Test
    void refusesBadLinkForgeAndReplaySteps() {
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("link-cut, domain: site-b",
                "link-cut, domain: site-b, observer: obs-w"), "bad.yaml")).hasMessageContaining("bad.yaml:8")
                .hasMessageContaining("'link-cut' needs exactly one of 'observer' or 'domain'");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("link-cut, domain: site-b, site: a",
                "link-cut, domain: site-b"), "bad.yaml")).hasMessageContaining("'link-cut' needs 'site'");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("link-cut, domain: site-b, site: a",
                "link-cut, domain: site-b, site: b"), "bad.yaml")).hasMessageContaining("'b' is not one of a");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("domain: site-b, site: a",
                "domain: cloud, site: a"), "bad.yaml")).hasMessageContaining("'cloud' is not one of site-b, witness");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("state: down, signer: obs-w",
                "state: down, signer: mallory"), "bad.yaml")).hasMessageContaining("bad.yaml:10")
                .hasMessageContaining("'mallory' is not one of none, obs-b1, obs-b2, obs-w");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("state: down, signer: obs-w",
                "state: sideways, signer: obs-w"), "bad.yaml")).hasMessageContaining("'sideways' is not one of down, up");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace(", signer: obs-w", ""), "bad.yaml"))
                .hasMessageContaining("'forge-vote' needs 'signer'");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("as: obs-b1", "as: obs-q"), "bad.yaml"))
                .hasMessageContaining("'obs-q' is not one of obs-b1, obs-b2, obs-w");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("sequence: 9223372036854775807",
                "sequence: -1"), "bad.yaml")).hasMessageContaining("bad.yaml:11")
                .hasMessageContaining("'sequence' cannot be negative");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("sequence: 9223372036854775807",
                "sequence: 9223372036854775808"), "bad.yaml")).hasMessageContaining("takes a whole number");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("from: 1s, to: 5s", "from: 5s, to: 1s"),
                "bad.yaml")).hasMessageContaining("bad.yaml:12")
                .hasMessageContaining("'replay-votes' needs 0 <= from < to, got from 5s to 1s");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("from: 1s, to: 5s", "from: 1s"),
                "bad.yaml")).hasMessageContaining("'replay-votes' needs 'to'");
        assertThatThrownBy(() -> ScenarioParser.parse(WITNESS.replace("quorumIncomplete: 1", "quorumIncomplete: "
                + "some"), "bad.yaml")).hasMessageContaining("quorumIncomplete takes a count");
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
