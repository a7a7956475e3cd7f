package io.pra.backup.k8s;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pra.backup.config.BackupConfig;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.service.BackupTaker;
import io.pra.kit.k8s.SiteClients;
import io.pra.velero.Backup;

/**
 * Creates on-demand Velero Backups of a group on its source site, named {@code pra-<group>-manual-<yyyyMMddHHmmss>}
 * from the service clock (apart from the schedule's {@code pra-<group>-<yyyyMMddHHmmss>}), with {@code -2},
 * {@code -3}... when that name is taken, so names are predictable and unique.
 */
@Singleton
public class OnDemandBackups implements BackupTaker {

    private static final Logger LOG = Logger.getLogger(OnDemandBackups.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final int MAX_ATTEMPTS = 20;

    private final SiteClients sites;
    private final BackupConfig config;
    private final Clock clock;

    OnDemandBackups(SiteClients sites, BackupConfig config, Clock clock) {
        this.sites = sites;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public String take(ProtectionGroup group) {
        String base = group.scheduleName() + "-manual-" + SUFFIX.format(clock.instant());
        var backups = sites.client(group.sourceSite()).resources(Backup.class).inNamespace(config.veleroNamespace());
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            String name = attempt == 1 ? base : base + "-" + attempt;
            try {
                backups.resource(VeleroObjects.backup(group, name, config.veleroNamespace())).create();
                LOG.infof("site %s: created on-demand Backup %s of group %s", group.sourceSite(), name, group.name());
                return name;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("no free Backup name for group " + group.name() + " after " + base);
    }
}
