package io.pra.velero;

/** Label and annotation keys Velero puts on its own objects and on the objects it restores. */
public final class VeleroLabels {

    /** On a Backup created by a Schedule: the schedule's name. */
    public static final String SCHEDULE_NAME = "velero.io/schedule-name";

    /** On a Backup: the BackupStorageLocation it is stored in (set by the backup sync controller too). */
    public static final String STORAGE_LOCATION = "velero.io/storage-location";

    /** On a restored object: the Backup it came from. */
    public static final String BACKUP_NAME = "velero.io/backup-name";

    /** On a restored object: the Restore that created it. */
    public static final String RESTORE_NAME = "velero.io/restore-name";

    public static final String BACKUP_UID = "velero.io/backup-uid";
    public static final String RESTORE_UID = "velero.io/restore-uid";

    /** On any object: keep it out of every backup, whatever the selector says. */
    public static final String EXCLUDE_FROM_BACKUP = "velero.io/exclude-from-backup";

    private VeleroLabels() {
    }
}
