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

    /** The scenarios named in {@code -Dpra.scenarios=a,b} (file names without .yaml); every one when empty or all. */
    static Stream<Path> scenarios() throws IOException {
        String only = System.getProperty("pra.scenarios", "").trim();
        java.util.Set<String> wanted = only.isEmpty() || only.equals("all") ? java.util.Set.of()
                : java.util.Set.of(only.split("\\s*,\\s*"));
        try (Stream<Path> files = Files.list(DrillFixtures.root().resolve("scenarios"))) {
            return files.filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f -> wanted.isEmpty() || wanted.contains(f.getFileName().toString().replace(".yaml", "")))
                    .sorted().toList().stream();
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
