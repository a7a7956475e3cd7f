package io.pra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import io.pra.events.EventType;
import picocli.CommandLine;

class PraTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = Pra.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("Usage: pra").contains("contracts");
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(run("--version")).isZero();

        assertThat(out.toString().trim()).matches("pra \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void contractsListsEveryEventTypeWithItsTopic() {
        assertThat(run("contracts")).isZero();

        for (EventType type : EventType.values()) {
            assertThat(out.toString()).containsPattern(type.topic() + "\\s+" + type.type().replace(".", "\\.") + "\\s");
        }
    }

    @Test
    void helpListsTheDrill() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString()).contains("drill");
    }

    @Test
    void aBadScenarioIsRefusedBeforeAnythingStarts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("bad.yaml"), """
                name: bad
                timeline:
                  - {at: 0s, do: backup}
                  - {at: 5s, do: meteor, site: a}
                until: {timeout: 10s}
                expect: {failovers: 0}
                """);

        assertThat(run("drill", file.toString())).isEqualTo(2);

        assertThat(err.toString()).contains("bad.yaml:4").contains("unknown action 'meteor'");
        assertThat(out.toString()).doesNotContain("SETUP");
    }

    @Test
    void unknownCommandIsAUsageError() {
        assertThat(run("explode")).isEqualTo(2);

        assertThat(err.toString()).contains("Unmatched argument").contains("explode");
    }
}
