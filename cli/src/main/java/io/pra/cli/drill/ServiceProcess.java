package io.pra.cli.drill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service process of the drill: {@code java -jar <module>/target/quarkus-app/quarkus-run.jar} with its own
 * HTTP port, settings as system properties (connection secrets in its environment), output appended to
 * {@code <run dir>/<name>.log}. It can be killed (SIGKILL) and started again with the same settings.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final int httpPort;
    private final Path log;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;

    ServiceProcess(String name, Path jar, int httpPort, Path runDir) {
        this.name = name;
        this.jar = jar;
        this.httpPort = httpPort;
        this.log = runDir.resolve(name + ".log");
        properties.put("quarkus.http.port", String.valueOf(httpPort));
        properties.put("quarkus.http.host", "127.0.0.1");
    }

    String name() {
        return name;
    }

    int httpPort() {
        return httpPort;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    Path log() {
        return log;
    }

    ServiceProcess property(String key, String value) {
        properties.put(key, value);
        return this;
    }

    ServiceProcess env(String key, String value) {
        environment.put(key, value);
        return this;
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Starts the process (again); its output is appended to its log. */
    synchronized void start() {
        if (isAlive()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx192m", "-Xss512k", "-XX:CICompilerCount=1"));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "=== " + Instant.now() + " starting " + name + " on port " + httpPort + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " (" + jar + ")", e);
        }
    }

    /** SIGKILL, as a crashed node: no shutdown hooks run. */
    synchronized void kill() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitFor(process, 10);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, or fails naming the log. */
    void awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (exit code "
                        + exitCode() + "); see " + log);
            }
            if (ready()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + bound.toSeconds() + " s; see " + log);
    }

    /**
     * For an observer: waits until its API answers and, twice in a row a second apart, reports every site up with
     * no degraded check.
     */
    void awaitSteadyObserver(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        int steadyRounds = 0;
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (exit code " + exitCode() + "); see "
                        + log);
            }
            steadyRounds = sitesHealthy() ? steadyRounds + 1 : 0;
            if (steadyRounds >= 2) {
                return;
            }
            sleep(1000);
        }
        throw new IllegalStateException(name + " did not see every site healthy within " + bound.toSeconds()
                + " s; see " + log);
    }

    /** Whether the output of the current run (since the last start) has a line containing {@code text}. */
    boolean loggedSinceStart(String text) {
        try {
            String all = Files.readString(log);
            int start = all.lastIndexOf("=== ");
            return all.indexOf(text, Math.max(start, 0)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private boolean sitesHealthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/sites"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return false;
            }
            var sites = io.pra.events.EventJson.mapper().readTree(response.body());
            if (!sites.isArray() || sites.isEmpty()) {
                return false;
            }
            for (var site : sites) {
                if (site.path("down").asBoolean(true) || site.path("degraded").asLong(1) > 0) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized String exitCode() {
        return process == null || process.isAlive() ? "?" : String.valueOf(process.exitValue());
    }

    /** Asks the process to stop (SIGTERM) without waiting, so that a drill's processes stop side by side. */
    synchronized void requestStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Stops the process politely (SIGTERM), then forcibly after 10 s. */
    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!waitFor(process, 10)) {
                process.destroyForcibly();
                waitFor(process, 5);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
