package io.pra.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A process the bench starts (a PRA service or a Debian tool), with its output in a log file and its
 * CPU time and resident memory read from {@code /proc}. Every child is stopped at the latest when the
 * bench JVM exits, so nothing is left listening.
 */
public final class Child implements AutoCloseable {

    private static final List<Child> LIVE = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(Child::close), "bench-children"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedNanos;

    private Child(String name, Process process, Path log, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code command} in {@code workDir} with extra environment, output to {@code workDir/<name>.log}. */
    public static Child start(String name, List<String> command, Path workDir, Map<String, String> env) {
        try {
            Files.createDirectories(workDir);
            Path log = workDir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            long started = System.nanoTime();
            Child child = new Child(name, builder.start(), log, started);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + name + " (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was started. */
    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** User + system CPU seconds the process has used so far. */
    public double cpuSeconds() {
        return ProcStats.cpuSeconds(process.pid());
    }

    /** Resident set size now, in bytes. */
    public long rssBytes() {
        return ProcStats.rssBytes(process.pid());
    }

    /** Fails with the end of the log when the process has died. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; end of " + log + ":\n"
                    + tail(40));
        }
    }

    /** The last {@code lines} lines of the output. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, then SIGKILL after a grace period. */
    @Override
    public void close() {
        LIVE.remove(this);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(15).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
