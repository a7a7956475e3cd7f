package io.pra.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs every comparison at the smoke size ({@code --quick}) against the packaged services and the Debian tools, and
 * checks the report's structure: both sides measured, numbers present and positive. No figure is compared with a
 * bound: timings depend on the machine. A missing tool fails the test with a message naming bench/install-tools.sh.
 */
class BenchSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyComparisonMeasuresBothSides() throws Exception {
        Path root = Path.of(System.getProperty("pra.bench.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("bench/target/smoke");
        Files.createDirectories(out);
        Path markdown = out.resolve("benchmarks.md");
        Path json = out.resolve("benchmarks.json");

        int exit = new CommandLine(new Bench()).setExecutionExceptionHandler((e, line, parsed) -> {
            throw e;
        }).execute("--quick", "--root", root.toString(), "--out", markdown.toString(), "--json", json.toString());

        assertThat(exit).isZero();
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("machine").path("cores").asInt()).isPositive();
        assertThat(report.path("tools").size()).isEqualTo(3);
        JsonNode results = report.path("results");

        JsonNode probing = results.path("probing").path("runs").get(0);
        for (String side : new String[] {"pra", "blackboxPrometheus"}) {
            assertThat(probing.path(side).path("probesPerSecond").path("median").asDouble()).as(side + " probes/s")
                    .isPositive();
            assertThat(probing.path(side).path("cpuSecondsPerWindow").path("median").asDouble()).as(side + " CPU")
                    .isPositive();
            assertThat(probing.path(side).path("rssMb").path("median").asDouble()).as(side + " RSS").isPositive();
        }
        assertThat(probing.path("ratios").path("probesPerSecondPraOverStack").path("median").asDouble()).isPositive();

        JsonNode alert = results.path("alert");
        for (String side : new String[] {"pra", "alertmanagerDefault", "alertmanagerFastest"}) {
            assertThat(alert.path(side).path("trials").asInt()).as(side + " notifications").isPositive();
            assertThat(alert.path(side).path("p50Ms").asDouble()).as(side + " p50").isPositive();
        }
        assertThat(alert.path("ratios").path("alertmanagerDefaultOverPra").path("median").asDouble()).isPositive();

        JsonNode decision = results.path("decision");
        assertThat(decision.path("quorumVoteToDecided").path("trials").asInt()).isPositive();
        assertThat(decision.path("quorumVoteToDecided").path("p99Ms").asDouble()).isPositive();
        assertThat(decision.path("siteLossToDecided").path("trials").asInt()).isPositive();
        assertThat(decision.path("siteLossToDecided").path("p50Ms").asDouble()).isPositive();

        JsonNode failover = results.path("failover");
        assertThat(failover.path("rtoMs").path("trials").asInt()).as("completed failovers").isPositive();
        assertThat(failover.path("rtoMs").path("p50Ms").asDouble()).as("RTO").isPositive();
        assertThat(failover.path("overheadMs").path("p50Ms").isNumber()).as("overhead").isTrue();
        assertThat(failover.path("steps").path("RESTORE").path("median").asDouble()).as("RESTORE").isPositive();

        JsonNode footprint = results.path("footprint").path("services");
        for (String service : new String[] {"backup-service", "health-service", "failover-service", "notifier-service"}) {
            assertThat(footprint.path(service).path("secondsToReady").path("median").asDouble()).as(service).isPositive();
            assertThat(footprint.path(service).path("rssMbSettled").path("median").asDouble()).as(service).isPositive();
        }
        assertThat(footprint.path("rssMbAfterLoad").toString()).contains("failover-service, after", "backup-service, after");
        assertThat(report.path("secondsPerComparison").size()).isEqualTo(5);
        JsonNode objectives = results.path("objectives").path("objectives");
        assertThat(objectives.size()).isEqualTo(10);
        objectives.forEach(objective -> assertThat(objective.path("met").isBoolean()).as(objective.toString()).isTrue());
        assertThat(Files.readString(markdown)).contains("## Machine", "## 1. Probing", "## 2. Alert", "## 3. Decision",
                "## 4. Failover overhead", "## 5. Footprint", "## 6. Against the objectives").doesNotContain("Not measured",
                "| not measured |");
    }
}
