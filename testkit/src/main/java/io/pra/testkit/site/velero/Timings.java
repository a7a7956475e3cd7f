package io.pra.testkit.site.velero;

import java.time.Duration;
import java.util.Objects;

/**
 * How long simulated Velero work takes, in real time (timestamps come from the simulator's clock instead).
 *
 * @param backupDuration from InProgress to the final phase of a backup
 * @param restoreDuration from InProgress to the final phase of a restore, when restored objects appear
 * @param workloadReadyDelay from a restored Deployment/StatefulSet appearing to it reporting ready replicas
 * @param syncPeriod how often storage locations are validated and backups synced from object storage
 * @param scheduleCheckPeriod how often schedules are evaluated against the clock
 * @param retryInterval how soon a write the site refused (outage, conflict) is tried again
 */
public record Timings(Duration backupDuration, Duration restoreDuration, Duration workloadReadyDelay,
        Duration syncPeriod, Duration scheduleCheckPeriod, Duration retryInterval) {

    public Timings {
        Objects.requireNonNull(backupDuration, "backupDuration");
        Objects.requireNonNull(restoreDuration, "restoreDuration");
        Objects.requireNonNull(workloadReadyDelay, "workloadReadyDelay");
        requirePositive(syncPeriod, "syncPeriod");
        requirePositive(scheduleCheckPeriod, "scheduleCheckPeriod");
        requirePositive(retryInterval, "retryInterval");
    }

    /** Fast enough for unit-speed tests, slow enough that InProgress can be observed. */
    public static Timings defaults() {
        return new Timings(Duration.ofMillis(300), Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(250));
    }

    public Timings withBackupDuration(Duration value) {
        return new Timings(value, restoreDuration, workloadReadyDelay, syncPeriod, scheduleCheckPeriod, retryInterval);
    }

    public Timings withRestoreDuration(Duration value) {
        return new Timings(backupDuration, value, workloadReadyDelay, syncPeriod, scheduleCheckPeriod, retryInterval);
    }

    public Timings withWorkloadReadyDelay(Duration value) {
        return new Timings(backupDuration, restoreDuration, value, syncPeriod, scheduleCheckPeriod, retryInterval);
    }

    public Timings withSyncPeriod(Duration value) {
        return new Timings(backupDuration, restoreDuration, workloadReadyDelay, value, scheduleCheckPeriod, retryInterval);
    }

    public Timings withScheduleCheckPeriod(Duration value) {
        return new Timings(backupDuration, restoreDuration, workloadReadyDelay, syncPeriod, value, retryInterval);
    }

    public Timings withRetryInterval(Duration value) {
        return new Timings(backupDuration, restoreDuration, workloadReadyDelay, syncPeriod, scheduleCheckPeriod, value);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
