package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.pra.cli.Pra;

/** A deliberately wrong expectation makes the drill exit 1, and the report names it. */
class WrongExpectationIT {

    @Test
    void aWrongExpectationFailsTheRunAndIsNamed() throws Exception {
        Path scenario = Path.of(getClass().getResource("/drill/wrong-expectation.yaml").toURI());
        Path report = DrillFixtures.reportsDir().resolve("wrong-expectation.json");

        int exit = Pra.commandLine().execute("drill", scenario.toString(), "--report", report.toString());

        assertThat(exit).isEqualTo(DrillCommand.FAILED);
        JsonNode json = DrillFixtures.read(report);
        assertThat(json.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.path("failedExpectations")).extracting(JsonNode::asText).containsExactly("failovers");
        JsonNode failovers = json.path("expectations").get(0);
        assertThat(failovers.path("name").asText()).isEqualTo("failovers");
        assertThat(failovers.path("expected").asText()).isEqualTo("1");
        assertThat(failovers.path("measured").asInt()).isZero();
        assertThat(failovers.path("passed").asBoolean()).isFalse();
        assertThat(json.path("expectations").get(1).path("passed").asBoolean()).isTrue();
    }
}
