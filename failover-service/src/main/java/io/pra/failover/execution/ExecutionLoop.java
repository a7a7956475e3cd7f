package io.pra.failover.execution;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.cutover.TrafficSwitch;
import io.pra.kit.k8s.SiteClients;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs this instance's executor on its own thread: stands by until it takes the site's executor lock (trying
 * every lock-retry interval), then carries out runs as they become executable (checking every poll interval).
 */
@ApplicationScoped
public class ExecutionLoop {

    private static final Logger LOG = Logger.getLogger(ExecutionLoop.class);

    private final FailoverConfig config;
    private final SiteExecutors executors;
    private final SiteClients clients;
    private final Instance<TrafficSwitch> trafficSwitch;
    private ScheduledExecutorService thread;
    private SiteExecutor executor;
    private Instant nextLockAttempt = Instant.MIN;

    ExecutionLoop(FailoverConfig config, SiteExecutors executors, SiteClients clients,
            Instance<TrafficSwitch> trafficSwitch) {
        this.config = config;
        this.executors = executors;
        this.clients = clients;
        this.trafficSwitch = trafficSwitch;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.execution().enabled()) {
            LOG.info("failover execution is off on this instance (pra.failover.execution.enabled=false)");
            return;
        }
        validate();
        // Builds the traffic switch now, so a missing cutover setting stops the start with its name.
        trafficSwitch.get();
        executor = executors.create();
        thread = Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "failover-executor"));
        thread.scheduleWithFixedDelay(this::round, 0, config.execution().pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("failover executor %s started for site=%s target=%s cutover=%s", executor.name(),
                config.sourceSite(), config.targetSite(), config.cutover().strategy());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor.close();
        }
    }

    private void round() {
        try {
            if (!executor.holdsLock()) {
                if (Instant.now().isBefore(nextLockAttempt)) {
                    return;
                }
                nextLockAttempt = Instant.now().plus(config.execution().lockRetryInterval());
                if (!executor.acquire()) {
                    return;
                }
                LOG.infof("executor %s took the executor lock of site=%s", executor.name(), config.sourceSite());
            }
            executor.runUntilIdle();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf(e, "executor round failed, next in %s", config.execution().pollInterval());
        }
    }

    private void validate() {
        for (String site : new String[] {config.sourceSite(), config.targetSite()}) {
            if (!clients.siteIds().contains(site)) {
                throw new IllegalStateException("pra.failover.sites." + site + ".url (or .kubeconfig) must be set "
                        + "while pra.failover.execution.enabled is true");
            }
        }
        if (config.execution().protectedNamespaces().isEmpty()) {
            throw new IllegalStateException("pra.failover.execution.protected-namespaces must list at least one "
                    + "namespace");
        }
        FailoverConfig.Execution execution = config.execution();
        Map<String, Duration> bounds = Map.of("fence-timeout", execution.fenceTimeout(), "restore-timeout",
                execution.restoreTimeout(), "verify-timeout", execution.verifyTimeout(), "cutover-timeout",
                execution.cutoverTimeout(), "poll-interval", execution.pollInterval(), "lock-retry-interval",
                execution.lockRetryInterval(), "lock-timeout", execution.lockTimeout());
        bounds.forEach((name, value) -> {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalStateException("pra.failover.execution." + name + " must be positive, got " + value);
            }
        });
        if (execution.lockTimeout().toMillis() < 1000) {
            throw new IllegalStateException("pra.failover.execution.lock-timeout must be at least PT1S, got "
                    + execution.lockTimeout());
        }
    }
}
