package io.pra.backup.service;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.events.PraEvent;
import io.pra.events.backup.BackupCompleted;
import io.pra.events.backup.BackupFailed;
import io.quarkus.runtime.StartupEvent;

/** Prometheus metrics of backups and RPO exposure, per group. */
@Singleton
public class BackupMetrics {

    private final MeterRegistry registry;
    private final ProtectionGroups groups;
    private final RpoMonitor rpo;
    private final Clock clock;

    BackupMetrics(MeterRegistry registry, ProtectionGroups groups, RpoMonitor rpo, Clock clock) {
        this.registry = registry;
        this.groups = groups;
        this.rpo = rpo;
        this.clock = clock;
    }

    void register(@Observes StartupEvent startup) {
        for (ProtectionGroup group : groups.all()) {
            Gauge.builder("pra.rpo.exposure.seconds", () -> exposureSeconds(group.name()))
                    .description("Now minus the start of the newest completed, off-site verified backup")
                    .tag("group", group.name()).register(registry);
            Gauge.builder("pra.backup.last.success.timestamp.seconds", () -> lastSuccessSeconds(group.name()))
                    .description("Completion time of the newest completed backup (epoch seconds)")
                    .tag("group", group.name()).register(registry);
        }
    }

    /** Counts a backup outcome that was just recorded. */
    public void count(PraEvent outcome) {
        if (outcome instanceof BackupCompleted completed) {
            registry.counter("pra.backups.completed", "group", completed.protectionGroup(),
                    "phase", completed.veleroPhase()).increment();
        } else if (outcome instanceof BackupFailed failed) {
            registry.counter("pra.backups.failed", "group", failed.protectionGroup()).increment();
        }
    }

    private double exposureSeconds(String group) {
        return rpo.latest(group).map(latest -> latest.exposure(clock.instant()).toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    private double lastSuccessSeconds(String group) {
        return rpo.latest(group).map(RpoMonitor.GroupRpo::lastSuccess).map(Instant::getEpochSecond)
                .map(Long::doubleValue).orElse(Double.NaN);
    }
}
