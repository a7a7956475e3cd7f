package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.pra.cli.Pra;

/**
 * Runs every scenario in {@code scenarios/} end to end, as {@code pra drill} does: the real service jars as
 * separate processes, Kafka, PostgreSQL, fake sites, sinks. Each must pass (exit code 0).
 */
class ScenariosIT {

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> files = Files.list(DrillFixtures.root().resolve("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioPasses(Path scenario) throws IOException {
        String name = scenario.getFileName().toString().replace(".yaml", "");
        Path report = DrillFixtures.reportsDir().resolve(name + ".json");

        int exit = Pra.commandLine().execute("drill", scenario.toString(), "--report", report.toString());

        assertThat(exit).as("pra drill %s: %s", name, DrillFixtures.failures(report)).isZero();
        assertThat(DrillFixtures.read(report).path("verdict").asText()).isEqualTo("PASSED");
    }
}
