package io.pra.cli.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.pra.cli.Pra;
import picocli.CommandLine;

/**
 * One drill, kept running after its verdict ({@code --keep-running}), serves two checks at the price of one
 * start-up: a deliberately wrong expectation fails the run (exit 1) and the report names it; and the operator
 * commands ({@code pra status}, {@code pra events}) read the live PRA the drill started, with the drill's operator
 * token, and fail clearly on a refused token or an unreachable service.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveDrillIT {

    private static final Pattern OPERATOR_LINE = Pattern.compile("PRA_FAILOVER_URL=(\\S+) PRA_BACKUP_URL=(\\S+) "
            + "PRA_KAFKA_BOOTSTRAP=(\\S+) PRA_TOKEN=\\$\\(cat (\\S+)\\)");

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private Thread drillThread;
    private CompletableFuture<Integer> exit;
    private Path report;
    private String failoverUrl;
    private String backupUrl;
    private String bootstrap;
    private String token;

    @BeforeAll
    void startDrillAndKeepItRunning() throws Exception {
        Path scenario = Path.of(getClass().getResource("/drill/wrong-expectation.yaml").toURI());
        report = DrillFixtures.reportsDir().resolve("wrong-expectation.json");
        Files.deleteIfExists(report);
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        CommandLine drill = new CommandLine(new DrillCommand(out));
        exit = new CompletableFuture<>();
        drillThread = new Thread(() -> exit.complete(drill.execute(scenario.toString(), "--report",
                report.toString(), "--keep-running")), "live-drill");
        drillThread.start();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> exit.isDone() || OPERATOR_LINE.matcher(text()).find());
        Matcher line = OPERATOR_LINE.matcher(text());
        assertThat(line.find()).as("the drill prints how to reach it; output:%n%s", text()).isTrue();
        failoverUrl = line.group(1);
        backupUrl = line.group(2);
        bootstrap = line.group(3);
        token = Files.readString(Path.of(line.group(4))).trim();
    }

    @AfterAll
    void stopDrill() throws Exception {
        if (drillThread != null) {
            // Stopping a kept-running drill (Ctrl-C in a terminal, an interrupt here) keeps its verdict: exit 1.
            drillThread.interrupt();
            drillThread.join(Duration.ofSeconds(90).toMillis());
            assertThat(exit).as("the drill stopped").isDone();
            assertThat(exit.get()).isEqualTo(DrillCommand.FAILED);
        }
    }

    @Test
    void aWrongExpectationFailsTheRunAndIsNamed() throws Exception {
        JsonNode json = DrillFixtures.read(report);
        assertThat(json.path("verdict").asText()).isEqualTo("FAILED");
        assertThat(json.path("failedExpectations")).extracting(JsonNode::asText).containsExactly("failovers");
        JsonNode failovers = json.path("expectations").get(0);
        assertThat(failovers.path("name").asText()).isEqualTo("failovers");
        assertThat(failovers.path("expected").asText()).isEqualTo("1");
        assertThat(failovers.path("measured").asInt()).isZero();
        assertThat(failovers.path("passed").asBoolean()).isFalse();
        assertThat(json.path("expectations").get(1).path("passed").asBoolean()).isTrue();
        assertThat(text()).contains("FAILED");
    }

    @Test
    void statusNamesTheSiteModeEpochVotesExposureBackupsAndActiveRun() {
        Result status = pra("status", "--failover-url", failoverUrl, "--backup-url", backupUrl, "--token", token);

        assertThat(status.exit()).as(status.err()).isZero();
        // Site A stays up in this drill: no observer has a down vote to list, and no run is active.
        assertThat(status.out()).contains("site a", "mode", "AUTO", "epoch", "quorum", "freshDownVotes", "votes",
                "rpoExposure", "exposureSeconds", "activeRun", "PROTECTION GROUPS", "sample", "RPO EXPOSURE",
                "LAST BACKUPS", "pra-sample-manual-", "Completed");
    }

    @Test
    void eventsTailsTheLiveTopics() {
        Result events = pra("events", "--bootstrap", bootstrap);

        assertThat(events.exit()).as(events.err()).isZero();
        assertThat(events.out()).contains("pra.backup.completed", "sample");
    }

    @Test
    void aRefusedTokenIsSaidSo() {
        Result status = pra("status", "--failover-url", failoverUrl, "--backup-url", backupUrl, "--token",
                "not-a-token");

        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("failover-service refused the token (401 Unauthorized)", "--token");
    }

    @Test
    void anUnreachableServiceIsSaidSo() {
        Result status = pra("status", "--failover-url", "http://127.0.0.1:1", "--backup-url", backupUrl, "--token",
                token);

        assertThat(status.exit()).isEqualTo(1);
        assertThat(status.err()).contains("failover-service", "127.0.0.1:1");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result pra(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine pra = Pra.commandLine();
        pra.setOut(new PrintWriter(out, true));
        pra.setErr(new PrintWriter(err, true));
        int exit = pra.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    private String text() {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
