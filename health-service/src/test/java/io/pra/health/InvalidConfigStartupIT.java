package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged health-service ({@code target/quarkus-app/quarkus-run.jar}, as an operator would) with a
 * broken configuration and checks that it refuses to start, naming every bad check. Runs in {@code verify}, after
 * {@code package} has built the jar.
 */
class InvalidConfigStartupIT {

    /** Quarkus's line once the application is up. */
    private static final String STARTED = "Listening on:";

    @Test
    void badChecksStopStartUpWithMessagesNamingThem() throws Exception {
        Started run = start(launch()
                .check("a", "web", ObserverLaunch.Check.of("smoke-signal"))
                .check("a", "port", ObserverLaunch.Check.tcp("127.0.0.1", 9).every(Duration.ofSeconds(-5), null))
                .check("a", "shop", ObserverLaunch.Check.http(URI.create("shop.example/health"))));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output())
                .contains("pra.health.sites.a.checks.web.kind: unknown check kind 'smoke-signal' of check 'web'")
                .contains("pra.health.sites.a.checks.port.interval: must be positive")
                .contains("pra.health.sites.a.checks.shop.url: bad URL 'shop.example/health'");
    }

    @Test
    void aValidConfigurationStarts() throws Exception {
        Started run = start(launch().check("a", "port", ObserverLaunch.Check.tcp("127.0.0.1", 9)));

        assertThat(run.output()).as("output of a valid start").contains("observer=obs-start-check")
                .doesNotContain("Failed to start application");
        // Stopped by SIGTERM once up: the JVM's exit code for it is 128 + 15.
        assertThat(run.exitCode()).as("exit code after SIGTERM; output:%n%s", run.output()).isEqualTo(143);
    }

    /** An observer whose broker is an address nothing listens on: start-up must not need it. */
    private static ObserverLaunch launch() {
        return new ObserverLaunch("health-start-check", LoopbackPorts.free(), "127.0.0.1:1")
                .observerId("obs-start-check");
    }

    private static Started start(ObserverLaunch launch) throws IOException {
        Path log = Files.createTempFile("health-start-", ".log");
        try (ServiceProcess service = ServiceProcess.builder(launch, ServiceProcess.packagedJar(Path.of("")))
                .jvmOptions(List.of("-Xmx256m")).log(log).build()) {
            service.start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .until(() -> !service.isAlive() || service.loggedSinceStart(STARTED));
            } catch (ConditionTimeoutException e) {
                // Hung past the bound: stopped below, and the assertions show its output.
            }
            // Started: stop it as an operator would (SIGTERM); an ended process keeps its exit code.
            service.stop(Duration.ofSeconds(20));
            return new Started(service.exitCode().orElseThrow(), service.child().output());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private record Started(int exitCode, String output) {
    }
}
