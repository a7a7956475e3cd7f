package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged health-service ({@code target/quarkus-app/quarkus-run.jar}, as an operator would) with a
 * broken configuration and checks that it refuses to start, naming every bad check. Runs in {@code verify}, after
 * {@code package} has built the jar.
 */
class InvalidConfigStartupIT {

    private static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** Quarkus's line once the application is up. */
    private static final String STARTED = "Listening on:";

    @Test
    void badChecksStopStartUpWithMessagesNamingThem() throws Exception {
        Started run = start(List.of(
                "-Dpra.health.sites.a.checks.web.kind=smoke-signal",
                "-Dpra.health.sites.a.checks.port.kind=tcp",
                "-Dpra.health.sites.a.checks.port.host=127.0.0.1",
                "-Dpra.health.sites.a.checks.port.port=9",
                "-Dpra.health.sites.a.checks.port.interval=-5S",
                "-Dpra.health.sites.a.checks.shop.kind=http",
                "-Dpra.health.sites.a.checks.shop.url=shop.example/health"));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output())
                .contains("pra.health.sites.a.checks.web.kind: unknown check kind 'smoke-signal' of check 'web'")
                .contains("pra.health.sites.a.checks.port.interval: must be positive")
                .contains("pra.health.sites.a.checks.shop.url: bad URL 'shop.example/health'");
    }

    @Test
    void aValidConfigurationStarts() throws Exception {
        Started run = start(List.of(
                "-Dpra.health.sites.a.checks.port.kind=tcp",
                "-Dpra.health.sites.a.checks.port.host=127.0.0.1",
                "-Dpra.health.sites.a.checks.port.port=9"));

        assertThat(run.output()).as("output of a valid start").contains("observer=obs-start-check")
                .doesNotContain("Failed to start application");
        // Stopped by SIGTERM once up: the JVM's exit code for it is 128 + 15.
        assertThat(run.exitCode()).as("exit code after SIGTERM; output:%n%s", run.output()).isEqualTo(143);
    }

    private static Started start(List<String> settings) throws IOException, InterruptedException {
        assertThat(APP).as("packaged application (run `./mvnw -pl health-service package`)").exists();
        Path log = Files.createTempFile("health-start-", ".log");
        try {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-Dquarkus.http.port=0",
                    // An address nothing listens on: start-up must not need the broker.
                    "-Dkafka.bootstrap.servers=127.0.0.1:1",
                    "-Dpra.health.observer-id=obs-start-check"));
            command.addAll(settings);
            command.addAll(List.of("-jar", APP.toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (process.isAlive() && !Files.readString(log, StandardCharsets.UTF_8).contains(STARTED)
                    && System.nanoTime() < deadline) {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            }
            if (process.isAlive()) {
                // Started (or hung past the bound, which the output will show): stop it as an operator would.
                process.destroy();
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            return new Started(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Started(int exitCode, String output) {
    }
}
