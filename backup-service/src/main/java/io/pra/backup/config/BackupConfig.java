package io.pra.backup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the backup-service (prefix {@code pra.backup}); every one can be set by environment variable. */
@ConfigMapping(prefix = "pra.backup")
public interface BackupConfig {

    /** Name of this instance, used in CloudEvents sources ({@code /pra/backup-service/<instance>}). */
    @WithDefault("${HOSTNAME:backup-1}")
    String instance();

    /** Site whose workloads are backed up. */
    @WithDefault("a")
    String sourceSite();

    /** Namespace where Velero runs on each site. */
    @WithDefault("velero")
    String veleroNamespace();
}
