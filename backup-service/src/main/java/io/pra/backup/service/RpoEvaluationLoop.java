package io.pra.backup.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.pra.backup.config.BackupConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Re-evaluates RPO exposure on a timer: exposure grows with time alone, without any backup event. */
@Singleton
public class RpoEvaluationLoop {

    private final RpoMonitor monitor;
    private final BackupConfig config;
    private ScheduledExecutorService executor;

    RpoEvaluationLoop(RpoMonitor monitor, BackupConfig config) {
        this.monitor = monitor;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "rpo-evaluation"));
        long period = config.rpo().evaluationInterval().toMillis();
        executor.scheduleWithFixedDelay(monitor::evaluateAll, 0, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
