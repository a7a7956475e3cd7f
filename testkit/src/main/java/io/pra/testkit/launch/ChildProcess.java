package io.pra.testkit.launch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One run of a process started by a drill, a bench or a test (a PRA service or a tool), its output appended to a log
 * file after a {@code === <time> starting <name>} line. Stopping is SIGTERM then SIGKILL after a grace period;
 * killing is SIGKILL. Every child still running when the JVM exits is stopped then, so nothing is left listening.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Set<ChildProcess> LIVE = ConcurrentHashMap.newKeySet();

    static {
        // SIGTERM to all first: each may take seconds to stop, and they need not wait for one another.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LIVE.forEach(ChildProcess::requestStop);
            LIVE.forEach(ChildProcess::close);
        }, "child-processes"));
    }

    private final String name;
    private final Process process;
    private final Path log;
    private final long logOffset;
    private final long startedNanos;

    private ChildProcess(String name, Process process, Path log, long logOffset, long startedNanos) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.logOffset = logOffset;
        this.startedNanos = startedNanos;
    }

    /**
     * Starts {@code command} with these extra environment variables, in {@code workDir} (null: this JVM's working
     * directory), its output and errors appended to {@code log}.
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> environment,
            Path log) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "=== " + Instant.now() + " starting " + name + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            long offset = Files.size(log);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            if (workDir != null) {
                builder.directory(Files.createDirectories(workDir).toFile());
            }
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            ChildProcess child = new ChildProcess(name, builder.start(), log, offset, started);
            LIVE.add(child);
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + command.get(0) + ")", e);
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

    /** The exit status once the process has ended (143 after a SIGTERM it did not handle otherwise). */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Fails with the end of this run's output when the process has ended. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited with " + process.exitValue() + "; end of " + log + ":\n"
                    + tail(40));
        }
    }

    /**
     * Polls {@code url} every {@code poll} until it answers 200; returns {@link System#nanoTime()} of that answer.
     * Fails with the end of the output when the process ends or the bound passes.
     */
    public long awaitHttpOk(URI url, Duration bound, Duration poll) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            requireAlive();
            if (answersOk(url)) {
                return System.nanoTime();
            }
            pause(poll);
        }
        throw new IllegalStateException(name + " did not answer 200 at " + url + " within " + bound.toSeconds()
                + " s; end of " + log + ":\n" + tail(40));
    }

    private static boolean answersOk(URI url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether this run's output (since its start line) contains {@code text}. */
    public boolean logged(String text) {
        return output().contains(text);
    }

    /** The last {@code lines} lines of this run's output. */
    public String tail(int lines) {
        List<String> all = output().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** This run's output so far, from its start line on. */
    public String output() {
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(logOffset, Files.size(log)));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Asks the process to stop (SIGTERM) without waiting, so that several can stop side by side. */
    public void requestStop() {
        process.destroy();
    }

    /** SIGTERM; SIGKILL when the process is still running after {@code grace}. Whether it ended within the grace. */
    public boolean stop(Duration grace) {
        LIVE.remove(this);
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean ended = waitFor(grace);
        if (!ended) {
            process.destroyForcibly();
            waitFor(KILL_WAIT);
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
        return ended;
    }

    /** SIGKILL, as a crashed node: no shutdown hook runs. */
    public void kill() {
        LIVE.remove(this);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitFor(KILL_WAIT);
    }

    /** Stops the process (SIGTERM, SIGKILL after 10 s) if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(10));
        }
        LIVE.remove(this);
    }

    private boolean waitFor(Duration bound) {
        try {
            return process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
