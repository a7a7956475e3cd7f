package io.pra.bench;

import io.pra.bench.proc.Infrastructure;
import io.pra.bench.proc.Tools;
import io.pra.bench.proc.Workspace;
import io.pra.bench.report.Machine;
import io.pra.bench.report.ReportWriter;
import io.pra.bench.report.Section;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs PRA side by side with the tools users would pick instead (Prometheus, blackbox_exporter, Alertmanager from
 * Debian's packages) on this machine and writes docs/benchmarks.md and a JSON file. {@code bench/run} builds what is
 * missing and calls this; see the options for sizes and trials.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure PRA against Prometheus + blackbox_exporter + Alertmanager on loopback; write the report.")
public final class Bench implements Callable<Integer> {

    /** The comparisons, in the order they run. */
    enum Comparison { probing, alert, decision, failover, footprint }

    @Option(names = "--only", split = ",", description = "Comparisons to run: ${COMPLETION-CANDIDATES} (default: all).")
    List<Comparison> only = new ArrayList<>(Arrays.asList(Comparison.values()));

    @Option(names = "--sizes", split = ",", description = "Probing: numbers of checks (default: 500,2000,5000).")
    List<Integer> sizes = List.of(500, 2000, 5000);

    @Option(names = "--intervals", split = ",", description = "Probing: intervals, e.g. 10s,2s,500ms (default: 10s,2s).")
    List<String> intervals = List.of("10s", "2s");

    @Option(names = "--windows", description = "Probing: measurement windows per side and size (default: 3).")
    int windows = 3;

    @Option(names = "--window", description = "Probing: shortest window in seconds; a window spans at least 2 intervals "
            + "(default: 6).")
    int windowSeconds = 6;

    @Option(names = "--alert-trials", description = "Alert to notification: trials (default: 100).")
    int alertTrials = 100;

    @Option(names = "--vote-trials", description = "Decision: last-vote trials (default: 200).")
    int voteTrials = 200;

    @Option(names = "--site-loss-trials", description = "Decision: site-loss trials (default: 8).")
    int siteLossTrials = 8;

    @Option(names = "--failover-runs", description = "Failover overhead: failovers (default: 20).")
    int failoverRuns = 20;

    @Option(names = "--starts", description = "Footprint: starts per service (default: 2).")
    int starts = 2;

    @Option(names = "--quick", description = "Smoke size: 20 checks at 1 s, 1 window of 3 s, 3 trials, 2 failovers, "
            + "1 start.")
    boolean quick;

    @Option(names = "--jvm-opts", description = "JVM options of the PRA services (default: ${DEFAULT-VALUE}).")
    String jvmOptions = "-Xmx512m -XX:+UseSerialGC";

    @Option(names = "--root", description = "Repository root (default: the current directory).")
    Path root = Path.of(System.getProperty("pra.bench.root", "."));

    @Option(names = "--out", description = "Markdown report (default: docs/benchmarks.md under the root).")
    Path out;

    @Option(names = "--json", description = "JSON report (default: docs/benchmarks.json under the root).")
    Path json;

    @Option(names = "--keep", description = "Keep the temporary directory with the children's config and logs.")
    boolean keep;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }

    @Override
    public Integer call() {
        if (quick) {
            sizes = List.of(20);
            intervals = List.of("1s");
            windows = 1;
            windowSeconds = 3;
            alertTrials = 3;
            voteTrials = 3;
            siteLossTrials = 1;
            failoverRuns = 2;
            starts = 1;
        }
        Path markdown = out != null ? out : root.resolve("docs/benchmarks.md");
        Path jsonFile = json != null ? json : root.resolve("docs/benchmarks.json");
        long started = System.nanoTime();
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String loadBefore = Machine.loadAverage();
        Tools tools = Tools.find();
        List<Section> sections = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (Workspace workspace = new Workspace(root, keep); Infrastructure infrastructure = new Infrastructure()) {
            workspace.requireServices();
            BenchContext context = new BenchContext(workspace, infrastructure, tools,
                    List.of(jvmOptions.trim().split("\\s+")), Duration.ofSeconds(windowSeconds), System.out);
            context.log("load average before: %s; temporary directory %s", loadBefore, workspace.temp());
            Duration[] probeIntervals = intervals.stream().map(Bench::duration).toArray(Duration[]::new);
            Runnable checkpoint = () -> write(startedAt, loadBefore, started, tools, seconds, sections, markdown,
                    jsonFile, false);
            measure(sections, seconds, failures, Comparison.probing, "1. Probing",
                    () -> new ProbingBench(context).run(sizes, List.of(probeIntervals), windows), checkpoint);
            measure(sections, seconds, failures, Comparison.alert, "2. Alert to notification",
                    () -> new AlertBench(context).run(alertTrials), checkpoint);
            measure(sections, seconds, failures, Comparison.decision, "3. Decision path",
                    () -> new DecisionBench(context).run(voteTrials, siteLossTrials), checkpoint);
            measure(sections, seconds, failures, Comparison.failover, "4. Failover overhead",
                    () -> new FailoverBench(context).run(failoverRuns), checkpoint);
            measure(sections, seconds, failures, Comparison.footprint, "5. Footprint",
                    () -> new FootprintBench(context, Duration.ofSeconds(quick ? 1 : 3), quick).run(starts), checkpoint);
        }
        sections.add(ObjectivesSection.of(sections));
        ReportWriter.Report report = write(startedAt, loadBefore, started, tools, seconds, sections, markdown,
                jsonFile, true);
        System.out.print(ReportWriter.markdown(report));
        System.out.println("written: " + markdown + " and " + jsonFile);
        failures.forEach(failure -> System.err.println("FAILED: " + failure));
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * Writes the report; until the run is complete, it says which comparisons have not run yet, so an interrupted
     * run leaves an honest report of what it measured.
     */
    private ReportWriter.Report write(String startedAt, String loadBefore, long started, Tools tools,
            Map<String, Double> seconds, List<Section> sections, Path markdown, Path jsonFile, boolean complete) {
        List<String> notMeasured = new ArrayList<>();
        if (!complete) {
            List<String> done = sections.stream().map(Section::id).toList();
            only.stream().map(Enum::name).filter(name -> !done.contains(name))
                    .forEach(name -> notMeasured.add(name + ": not run yet (report written while the bench was running)"));
        }
        ReportWriter.Report report = new ReportWriter.Report(startedAt, command(), Machine.describe(),
                new LinkedHashMap<>(tools.versions()), loadBefore, Machine.loadAverage(),
                (System.nanoTime() - started) / 60e9, seconds, sections, notMeasured);
        ReportWriter.write(report, markdown, jsonFile);
        return report;
    }

    /** Runs one comparison; a failure is reported in its section and the next comparison still runs. */
    private void measure(List<Section> sections, Map<String, Double> seconds, List<String> failures,
            Comparison comparison, String title, Supplier<Section> run, Runnable checkpoint) {
        if (!only.contains(comparison)) {
            return;
        }
        long began = System.nanoTime();
        try {
            Section section = run.get();
            sections.add(section);
            System.out.println("## " + section.title() + "\n\n" + String.join("\n\n", section.blocks()) + "\n");
        } catch (RuntimeException e) {
            e.printStackTrace();
            String failure = comparison + ": " + e.getMessage();
            failures.add(failure);
            sections.add(new Section(comparison.name(), title + ": FAILED").paragraph("This comparison failed, no figure: `"
                    + e.getMessage().lines().findFirst().orElse("") + "`").put("failed", e.getMessage()));
        }
        seconds.put(comparison.name(), (System.nanoTime() - began) / 1e9);
        checkpoint.run();
    }

    private String command() {
        StringBuilder command = new StringBuilder("bench/run");
        if (quick) {
            command.append(" --quick");
        } else {
            command.append(" --sizes ").append(sizes.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""))
                    .append(" --intervals ").append(String.join(",", intervals))
                    .append(" --windows ").append(windows)
                    .append(" --window ").append(windowSeconds)
                    .append(" --alert-trials ").append(alertTrials)
                    .append(" --vote-trials ").append(voteTrials)
                    .append(" --site-loss-trials ").append(siteLossTrials)
                    .append(" --failover-runs ").append(failoverRuns)
                    .append(" --starts ").append(starts);
        }
        if (only.size() < Comparison.values().length) {
            command.append(" --only ").append(String.join(",", only.stream().map(Enum::name).toList()));
        }
        return command.toString();
    }

    static Duration duration(String text) {
        String value = text.trim();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
        }
        return Duration.parse(value);
    }
}
