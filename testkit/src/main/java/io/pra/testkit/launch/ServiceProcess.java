package io.pra.testkit.launch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A PRA service as a separate JVM: {@code java <JVM options> -D<settings> -jar <module>/target/quarkus-app/quarkus-run.jar},
 * its environment from the {@link ServiceLaunch} too, its output appended to its log. It can be stopped (SIGTERM),
 * killed (SIGKILL) and started again with the same settings, and is ready when {@code /q/health/ready} answers 200.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * Start-up friendly JVM options: C1 only, serial GC, a small heap and small stacks. A drill's or a test's
     * services live for minutes, never long enough to profit from C2, and several boot at once on a small machine.
     */
    public static final List<String> START_UP_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xmx192m", "-Xss512k", "-XX:CICompilerCount=1");

    private final ServiceLaunch launch;
    private final Path jar;
    private final List<String> jvmOptions;
    private final Path log;
    private final Path workDir;
    private final boolean settingsInFile;
    private final Duration readinessPoll;
    private ChildProcess child;

    private ServiceProcess(Builder builder) {
        this.launch = builder.launch;
        this.jar = builder.jar;
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.workDir = builder.workDir;
        this.log = Objects.requireNonNullElseGet(builder.log, () -> (workDir == null ? Path.of("") : workDir)
                .resolve(launch.name() + ".log"));
        this.settingsInFile = builder.settingsInFile;
        this.readinessPoll = builder.readinessPoll;
    }

    /** A process for {@code launch}, running {@code jar} (see {@link #packagedJar(Path)}). */
    public static Builder builder(ServiceLaunch launch, Path jar) {
        return new Builder(launch, jar);
    }

    /** The packaged application of the module in {@code moduleDir}: {@code target/quarkus-app/quarkus-run.jar}. */
    public static Path packagedJar(Path moduleDir) {
        return moduleDir.resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public String name() {
        return launch.name();
    }

    public int httpPort() {
        return launch.httpPort();
    }

    public String baseUrl() {
        return launch.baseUrl();
    }

    public Path log() {
        return log;
    }

    /** The current (or last) run; null before the first start. */
    public synchronized ChildProcess child() {
        return child;
    }

    public synchronized boolean isAlive() {
        return child != null && child.isAlive();
    }

    public synchronized long pid() {
        return child == null ? -1 : child.pid();
    }

    public synchronized OptionalInt exitCode() {
        return child == null ? OptionalInt.empty() : child.exitCode();
    }

    /** Starts the service (again, after a stop or a kill); nothing happens while it runs. */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: package it first (./mvnw -B -ntp -pl "
                    + launch.module() + " -am -DskipTests package)");
        }
        LaunchSettings settings = launch.settings();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        if (settingsInFile) {
            writeConfigFile(settings);
        } else {
            command.addAll(settings.systemProperties());
        }
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        child = ChildProcess.start(launch.name(), command, workDir, settings.environment(), log);
    }

    /** Quarkus reads {@code config/application.properties} in its working directory above the packaged file. */
    private void writeConfigFile(LaunchSettings settings) {
        Path file = workDir.resolve("config").resolve("application.properties");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, settings.propertiesFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; returns {@link System#nanoTime()} of that answer. */
    public long awaitReady(Duration bound) {
        if (child() == null) {
            throw new IllegalStateException(name() + " was never started");
        }
        return child().awaitHttpOk(URI.create(baseUrl() + "/q/health/ready"), bound, readinessPoll);
    }

    /** Whether the output of the current run has a line containing {@code text}. */
    public synchronized boolean loggedSinceStart(String text) {
        return child != null && child.logged(text);
    }

    /** SIGTERM without waiting, so that several services stop side by side. */
    public synchronized void requestStop() {
        if (isAlive()) {
            child.requestStop();
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; whether the service ended within the grace. */
    public synchronized boolean stop(Duration grace) {
        return child == null || child.stop(grace);
    }

    /** SIGKILL, as a crashed node: no shutdown hook runs. */
    public synchronized void kill() {
        if (child != null) {
            child.kill();
        }
    }

    /** Stops the service politely (SIGTERM), then forcibly after 10 s. */
    @Override
    public synchronized void close() {
        if (child != null) {
            child.close();
        }
    }

    /** How the service's JVM runs; only the launch and the jar are required. */
    public static final class Builder {

        private final ServiceLaunch launch;
        private final Path jar;
        private List<String> jvmOptions = START_UP_OPTIONS;
        private Path log;
        private Path workDir;
        private boolean settingsInFile;
        private Duration readinessPoll = Duration.ofMillis(250);

        private Builder(ServiceLaunch launch, Path jar) {
            this.launch = launch;
            this.jar = jar;
        }

        /** JVM options; {@link #START_UP_OPTIONS} unless given. */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = options;
            return this;
        }

        /** The log every run appends to; {@code <name>.log} in the working directory unless given. */
        public Builder log(Path file) {
            this.log = file;
            return this;
        }

        /** The process's working directory; this JVM's unless given. */
        public Builder workDir(Path dir) {
            this.workDir = dir;
            return this;
        }

        /**
         * Gives the properties in {@code <work dir>/config/application.properties} rather than as {@code -D}
         * arguments: thousands of probe checks would not fit on a command line.
         */
        public Builder settingsInFile() {
            this.settingsInFile = true;
            return this;
        }

        /** How often {@link #awaitReady} asks; 250 ms unless given (a bench timing start-up asks more often). */
        public Builder readinessPoll(Duration poll) {
            this.readinessPoll = poll;
            return this;
        }

        public ServiceProcess build() {
            if (settingsInFile && workDir == null) {
                throw new IllegalStateException("settings in a file need a working directory");
            }
            return new ServiceProcess(this);
        }
    }
}
