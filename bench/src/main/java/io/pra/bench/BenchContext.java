package io.pra.bench;

import io.pra.bench.proc.Infrastructure;
import io.pra.bench.proc.Tools;
import io.pra.bench.proc.Workspace;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the comparisons share in one bench run: workspace, infrastructure, tools, settings, progress output. */
final class BenchContext {

    private final Workspace workspace;
    private final Infrastructure infrastructure;
    private final Tools tools;
    private final List<String> jvmOptions;
    private final Duration minWindow;
    private final PrintStream progress;
    private final Map<String, Long> loadedFootprints = new LinkedHashMap<>();

    BenchContext(Workspace workspace, Infrastructure infrastructure, Tools tools, List<String> jvmOptions,
            Duration minWindow, PrintStream progress) {
        this.workspace = workspace;
        this.infrastructure = infrastructure;
        this.tools = tools;
        this.jvmOptions = jvmOptions;
        this.minWindow = minWindow;
        this.progress = progress;
    }

    Workspace workspace() {
        return workspace;
    }

    Infrastructure infrastructure() {
        return infrastructure;
    }

    Tools tools() {
        return tools;
    }

    List<String> jvmOptions() {
        return jvmOptions;
    }

    Duration minWindow() {
        return minWindow;
    }

    void log(String format, Object... args) {
        progress.printf("[bench %s] %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
        progress.flush();
    }

    /** Remembers a service's RSS at the end of a comparison that loaded it. */
    void footprintAfterLoad(String what, long rssBytes) {
        loadedFootprints.put(what, rssBytes);
    }

    Map<String, Long> loadedFootprints() {
        return loadedFootprints;
    }
}
