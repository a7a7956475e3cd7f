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
    void unknownCommandIsAUsageError() {
        assertThat(run("explode")).isEqualTo(2);

        assertThat(err.toString()).contains("Unmatched argument").contains("explode");
    }
}
