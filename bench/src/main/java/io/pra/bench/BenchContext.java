package io.pra.bench;

import io.pra.bench.proc.Infrastructure;
import io.pra.bench.proc.Tools;
import io.pra.bench.proc.Workspace;
import io.pra.events.signing.SigningKeys;
import io.pra.testkit.launch.ServiceLaunch;
import io.pra.testkit.launch.ServiceProcess;
import io.pra.testkit.launch.SigningKeyFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the comparisons share in one bench run: workspace, infrastructure, tools, settings, progress output. */
final class BenchContext {

    static final Duration READY_BOUND = Duration.ofMinutes(3);

    private final Workspace workspace;
    private final Infrastructure infrastructure;
    private final Tools tools;
    private final List<String> jvmOptions;
    private final Duration minWindow;
    private final PrintStream progress;
    private final Map<String, Long> loadedFootprints = new LinkedHashMap<>();
    private final Map<String, SigningKeyFiles> observerKeys = new LinkedHashMap<>();

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

    /** Starts a packaged service with the bench's JVM options, without waiting, so that several can boot at once. */
    ServiceProcess begin(ServiceLaunch launch) {
        return begin(launch, jvmOptions);
    }

    ServiceProcess begin(ServiceLaunch launch, List<String> options) {
        ServiceProcess service = workspace.service(launch, options);
        service.start();
        return service;
    }

    /**
     * The Ed25519 key pair of one observer (health-service refuses to start without one), generated on first use, as
     * PEM files readable by their owner only in the workspace, which goes with it at the end. The same files for the
     * whole run, so that failover-service, given the public half, accepts both the votes a bench plays as that
     * observer and those of a health-service process started as it.
     */
    SigningKeyFiles observerKeys(String observerId) {
        return observerKeys.computeIfAbsent(observerId, id -> {
            KeyPair pair = SigningKeys.generate();
            return SigningKeyFiles.write(workspace.dir("observer-keys"), id, SigningKeys.pem(pair.getPrivate()),
                    SigningKeys.pem(pair.getPublic()));
        });
    }

    /** The key pair of {@link #observerKeys}, to sign votes played as that observer. */
    KeyPair observerKeyPair(String observerId) {
        SigningKeyFiles files = observerKeys(observerId);
        try {
            return SigningKeys.keyPair(Files.readString(files.privateKey()), Files.readString(files.publicKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until a service is ready (3 minutes at most) and returns it; stops it when it is not. */
    static ServiceProcess ready(ServiceProcess service) {
        try {
            service.awaitReady(READY_BOUND);
            return service;
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
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
