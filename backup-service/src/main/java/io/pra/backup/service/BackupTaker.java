package io.pra.backup.service;

import io.pra.backup.domain.ProtectionGroup;

/** Takes an on-demand backup of a protection group on its source site; the {@code k8s} package implements it. */
public interface BackupTaker {

    /** Creates the Velero Backup and returns its name. */
    String take(ProtectionGroup group);
}
