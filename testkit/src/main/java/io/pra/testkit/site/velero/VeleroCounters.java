package io.pra.testkit.site.velero;

import io.pra.velero.BackupPhase;
import io.pra.velero.RestorePhase;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What one simulator has done, for test assertions and the drill report. */
public final class VeleroCounters {

    private final AtomicLong backupsStarted = new AtomicLong();
    private final AtomicLong restoresStarted = new AtomicLong();
    private final AtomicLong backupsScheduled = new AtomicLong();
    private final AtomicLong backupsSynced = new AtomicLong();
    private final Map<BackupPhase, AtomicLong> backupsFinished = new ConcurrentHashMap<>();
    private final Map<RestorePhase, AtomicLong> restoresFinished = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> restoresPerBackup = new ConcurrentHashMap<>();

    VeleroCounters() {
    }

    /** Backups that went InProgress. */
    public long backupsStarted() {
        return backupsStarted.get();
    }

    /** Backups that ended in this phase (FailedValidation included). */
    public long backupsFinished(BackupPhase phase) {
        return backupsFinished.getOrDefault(phase, new AtomicLong()).get();
    }

    /** Restores that went InProgress. */
    public long restoresStarted() {
        return restoresStarted.get();
    }

    /** Restores that ended in this phase (FailedValidation included). */
    public long restoresFinished(RestorePhase phase) {
        return restoresFinished.getOrDefault(phase, new AtomicLong()).get();
    }

    /** Restores started from this backup: the failover's "exactly one restore per epoch" is checked on it. */
    public long restoresOf(String backupName) {
        return restoresPerBackup.getOrDefault(backupName, new AtomicLong()).get();
    }

    /** Backups created by schedules. */
    public long backupsScheduled() {
        return backupsScheduled.get();
    }

    /** Backup objects created on this site by the sync from object storage. */
    public long backupsSynced() {
        return backupsSynced.get();
    }

    /** Every counter under a stable dotted name, e.g. {@code backups.Completed}, {@code restores.of.nightly-1}. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        values.put("backups.started", backupsStarted());
        values.put("backups.scheduled", backupsScheduled());
        values.put("backups.synced", backupsSynced());
        values.put("restores.started", restoresStarted());
        backupsFinished.forEach((phase, count) -> values.put("backups." + phase.value(), count.get()));
        restoresFinished.forEach((phase, count) -> values.put("restores." + phase.value(), count.get()));
        restoresPerBackup.forEach((backup, count) -> values.put("restores.of." + backup, count.get()));
        return values;
    }

    void backupStarted() {
        backupsStarted.incrementAndGet();
    }

    void backupFinished(BackupPhase phase) {
        backupsFinished.computeIfAbsent(phase, p -> new AtomicLong()).incrementAndGet();
    }

    void restoreStarted(String backupName) {
        restoresStarted.incrementAndGet();
        restoresPerBackup.computeIfAbsent(backupName, b -> new AtomicLong()).incrementAndGet();
    }

    void restoreFinished(RestorePhase phase) {
        restoresFinished.computeIfAbsent(phase, p -> new AtomicLong()).incrementAndGet();
    }

    void backupScheduled() {
        backupsScheduled.incrementAndGet();
    }

    void backupSynced() {
        backupsSynced.incrementAndGet();
    }
}
