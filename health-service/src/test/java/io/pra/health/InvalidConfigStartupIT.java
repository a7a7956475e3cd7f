package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pra.events.signing.SigningKeys;
import io.pra.testkit.launch.LoopbackPorts;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.launch.SigningKeyFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged health-service ({@code target/quarkus-app/quarkus-run.jar}, as an operator would) with a
 * broken configuration (bad checks, no signing key, a public key of another pair) and checks that it refuses to start,
 * naming every bad setting and never showing the private key. Runs in {@code verify}, after {@code package} has built
 * the jar. Keys are made at test time.
 */
class InvalidConfigStartupIT {

    /** Quarkus's line once the application is up. */
    private static final String STARTED = "Listening on:";

    @TempDir
    Path dir;

    private final KeyPair keys = SigningKeys.generate();
    private SigningKeyFiles keyFiles;

    @BeforeEach
    void writeKeys() {
        keyFiles = SigningKeyFiles.write(dir, "obs-start-check", SigningKeys.pem(keys.getPrivate()),
                SigningKeys.pem(keys.getPublic()));
    }

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
                .contains("signing-key=" + SigningKeys.keyId(keys.getPublic()))
                .doesNotContain(privateKeyBody()).doesNotContain("Failed to start application");
        // Stopped by SIGTERM once up: the JVM's exit code for it is 128 + 15.
        assertThat(run.exitCode()).as("exit code after SIGTERM; output:%n%s", run.output()).isEqualTo(143);
    }

    @Test
    void anObserverWithoutAKeyDoesNotStart() throws Exception {
        Started run = start(new ObserverLaunch("health-start-check", LoopbackPorts.free(), "127.0.0.1:1")
                .observerId("obs-start-check").check("a", "port", ObserverLaunch.Check.tcp("127.0.0.1", 9)));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("pra.health.signing.private-key-file is not set")
                .contains("pra.health.signing.public-key-file is not set");
    }

    @Test
    void anObserverWhosePublicKeyIsAnotherPairsDoesNotStart() throws Exception {
        KeyPair other = SigningKeys.generate();
        SigningKeyFiles mismatched = new SigningKeyFiles(keyFiles.privateKey(), SigningKeyFiles.write(dir, "other",
                SigningKeys.pem(other.getPrivate()), SigningKeys.pem(other.getPublic())).publicKey());
        Started run = start(launch().signingKeys(mismatched).check("a", "port", ObserverLaunch.Check.tcp("127.0.0.1", 9)));

        assertThat(run.exitCode()).as("exit code; output:%n%s", run.output()).isNotZero();
        assertThat(run.output()).contains("pra.health.signing.public-key-file: the public key "
                + SigningKeys.keyId(other.getPublic())).doesNotContain(privateKeyBody());
    }

    /** An observer whose broker is an address nothing listens on: start-up must not need it. */
    private ObserverLaunch launch() {
        return new ObserverLaunch("health-start-check", LoopbackPorts.free(), "127.0.0.1:1")
                .observerId("obs-start-check").signingKeys(keyFiles);
    }

    /** The base64 text of the private key, which no output may show. */
    private String privateKeyBody() {
        return Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded());
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
