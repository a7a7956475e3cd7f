package io.pra.backup.k8s;

/** A Backup object whose content cannot be trusted; it is logged with its name and skipped. */
public class MalformedBackupException extends RuntimeException {

    private final String backupName;

    public MalformedBackupException(String backupName, String reason) {
        super("Backup " + backupName + ": " + reason);
        this.backupName = backupName;
    }

    public String backupName() {
        return backupName;
    }
}
