package io.pra.cli.drill;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.pra.cli.scenario.DurationText;
import io.pra.cli.scenario.Scenario;
import io.pra.cli.scenario.ScenarioException;
import io.pra.cli.scenario.ScenarioParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pra drill}: a whole disaster on this machine, played from a scenario, judged against expectations. */
@Command(name = "drill", mixinStandardHelpOptions = true,
        description = {"Run a disaster drill on this machine: Kafka, PostgreSQL, two fake sites with Velero, "
                + "three observers and the four services as separate processes, then play the scenario.",
            "Exit code: 0 every expectation held, 1 one failed, 2 bad scenario or start-up failure."})
public final class DrillCommand implements Callable<Integer> {

    /** Exit code when every expectation held. */
    public static final int PASSED = 0;
    /** Exit code when an expectation failed. */
    public static final int FAILED = 1;
    /** Exit code for a bad scenario or a start-up failure. */
    public static final int BAD_INPUT = 2;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO.yaml",
            description = "Scenario file (default: the built-in \"site A lost\", scenarios/site-loss.yaml).")
    Path scenarioFile;

    @Option(names = "--report", paramLabel = "FILE", description = "Write the JSON report to FILE.")
    Path reportFile;

    @Option(names = "--keep-running", description = "Leave PRA running after the verdict, until Ctrl-C.")
    boolean keepRunning;

    private final PrintStream out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    public DrillCommand() {
        this(System.out);
    }

    DrillCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() {
        Scenario scenario;
        try {
            scenario = scenarioFile == null ? ScenarioParser.builtIn() : ScenarioParser.parse(scenarioFile);
        } catch (ScenarioException e) {
            err("pra drill: scenario refused: " + e.getMessage());
            return BAD_INPUT;
        }
        Path root = repositoryRoot();
        try {
            DrillEnvironment.requireJars(root);
        } catch (IllegalStateException e) {
            err("pra drill: " + e.getMessage());
            return BAD_INPUT;
        }
        Progress progress = new Progress(out);
        Path runDir = DrillEnvironment.createRunDir(scenario.name());
        progress.line("DRILL     " + scenario.name() + (scenario.description().isBlank() ? ""
                : ": " + scenario.description()));
        progress.line("DRILL     run directory " + runDir + " (one log per service)");
        DrillEnvironment env = new DrillEnvironment(scenario, root, runDir, progress);
        EventNarrator narrator = new EventNarrator(progress);
        EventFeed[] feed = new EventFeed[1];
        SinkWatcher[] sinks = new SinkWatcher[1];
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            if (finished.getCount() > 0) {
                progress.line("STOP      interrupted: stopping every process the drill started");
            }
            stopAll(env, feed[0], sinks[0]);
        }, "drill-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(scenario, env, narrator, progress, feed, sinks, runDir);
        } finally {
            finished.countDown();
            stopAll(env, feed[0], sinks[0]);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Already shutting down: the hook runs (and finds everything stopped).
            }
        }
    }

    private int run(Scenario scenario, DrillEnvironment env, EventNarrator narrator, Progress progress,
            EventFeed[] feed, SinkWatcher[] sinks, Path runDir) {
        Instant started = Instant.now();
        try {
            env.start(() -> {
                feed[0] = new EventFeed(env.broker().bootstrapServers(), narrator);
                feed[0].start();
            });
        } catch (RuntimeException e) {
            progress.line("SETUP     FAILED: " + e.getMessage());
            err("pra drill: start-up failed: " + e.getMessage() + " (logs in " + runDir + ")");
            return BAD_INPUT;
        }
        sinks[0] = new SinkWatcher(env, narrator, progress);
        sinks[0].start();
        progress.line("DRILL     PRA is up in " + DurationText.format(Duration.between(started, Instant.now()))
                + "; playing " + scenario.timeline().size() + " step(s)");
        Instant t0 = Instant.now();
        TimelinePlayer player = new TimelinePlayer(env, feed[0], narrator, progress);
        player.play(t0, scenario.timeline(), t0.plus(scenario.until().timeout()));
        boolean untilReached = awaitUntil(scenario, feed[0], t0);
        progress.line("DRILL     " + (untilReached ? scenario.until().event().map(e -> e + " seen")
                .orElse("scenario time over") : "timeout: " + scenario.until().event().orElse("") + " not seen")
                + "; collecting measurements");
        // Lets the last notifications reach the sinks: notifier-service groups low-severity events for its window.
        TimelinePlayer.sleep(1_000);
        Measurements.awaitNotificationsSettled(env, feed[0], Duration.ofSeconds(20));
        TimelinePlayer.sleep(500);
        Measurements measurements = Measurements.take(scenario, env, feed[0], narrator, player.outages());
        DrillReport report = new DrillReport(scenario, measurements, player.results(), untilReached);
        Duration wall = Duration.between(started, Instant.now());
        DrillSummary.print(progress, scenario, measurements, report, wall);
        if (reportFile != null) {
            report.write(reportFile, started, wall, runDir, feed[0].events(), player.outages());
            progress.plain("Report: " + reportFile.toAbsolutePath());
        }
        if (keepRunning) {
            Path token = env.writeOperatorToken();
            progress.plain("PRA keeps running; Ctrl-C stops it all. Operator commands against it: "
                    + "PRA_FAILOVER_URL=" + env.process("failover-service").baseUrl()
                    + " PRA_BACKUP_URL=" + env.process("backup-service").baseUrl()
                    + " PRA_KAFKA_BOOTSTRAP=" + env.broker().bootstrapServers()
                    + " PRA_TOKEN=$(cat " + token + ") ./pra status");
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return report.passed() ? PASSED : FAILED;
    }

    /**
     * The repository root: {@code pra.root} (set by ./pra and the build), or the nearest directory above it that
     * holds {@code scenarios/} (a build started in a module may hand over the module's directory).
     */
    static Path repositoryRoot() {
        Path configured = Path.of(System.getProperty("pra.root", ".")).toAbsolutePath().normalize();
        for (Path dir = configured; dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.isDirectory(dir.resolve("scenarios"))) {
                return dir;
            }
        }
        return configured;
    }

    private void err(String message) {
        spec.commandLine().getErr().println(message);
        spec.commandLine().getErr().flush();
    }

    private static boolean awaitUntil(Scenario scenario, EventFeed feed, Instant t0) {
        Instant deadline = t0.plus(scenario.until().timeout());
        while (Instant.now().isBefore(deadline)) {
            if (scenario.until().event().isPresent() && feed.seen(scenario.until().event().get())) {
                return true;
            }
            TimelinePlayer.sleep(200);
        }
        return scenario.until().event().isEmpty();
    }

    private static void stopAll(DrillEnvironment env, EventFeed feed, SinkWatcher sinks) {
        if (sinks != null) {
            sinks.close();
        }
        if (feed != null) {
            feed.close();
        }
        env.close();
    }
}
