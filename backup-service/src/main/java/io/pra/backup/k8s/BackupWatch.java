package io.pra.backup.k8s;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pra.backup.config.BackupConfig;
import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.BackupObservation;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.backup.service.BackupCatalog;
import io.pra.backup.service.BackupMetrics;
import io.pra.backup.service.RpoMonitor;
import io.pra.kit.k8s.SiteClients;
import io.pra.velero.Backup;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Informers on the Backup objects of every site in use: on a group's source site they feed the catalog, on its
 * peer sites they verify the off-site copy. Each site has its own informer (own watch, own handler thread), so a
 * lost site never holds up the others. The initial list after a (re)start replays every Backup, which is how
 * backups finished while the service was down are caught up.
 */
@Singleton
public class BackupWatch {

    private static final Logger LOG = Logger.getLogger(BackupWatch.class);

    private final SiteClients sites;
    private final ProtectionGroups groups;
    private final BackupCatalog catalog;
    private final RpoMonitor rpo;
    private final BackupMetrics metrics;
    private final BackupConfig config;
    private final Map<String, SharedIndexInformer<Backup>> informers = new ConcurrentHashMap<>();

    BackupWatch(SiteClients sites, ProtectionGroups groups, BackupCatalog catalog, RpoMonitor rpo,
            BackupMetrics metrics, BackupConfig config) {
        this.sites = sites;
        this.groups = groups;
        this.catalog = catalog;
        this.rpo = rpo;
        this.metrics = metrics;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        for (String site : groups.sitesInUse()) {
            SharedIndexInformer<Backup> informer = sites.client(site).resources(Backup.class)
                    .inNamespace(config.veleroNamespace()).runnableInformer(0);
            informer.exceptionHandler((started, error) -> {
                LOG.warnf("Backup informer of site %s: %s; retrying", site, error.toString());
                return true;
            });
            informer.addEventHandlerWithResyncPeriod(new Handler(site),
                    config.kubernetes().resyncPeriod().toMillis());
            informers.put(site, informer);
            informer.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        informers.values().forEach(SharedIndexInformer::stop);
    }

    private void handle(String site, Backup backup) {
        BackupObservation observation;
        try {
            observation = BackupReader.read(site, backup);
        } catch (MalformedBackupException e) {
            LOG.warnf("site %s: skipping malformed Backup %s: %s", site, e.backupName(), e.getMessage());
            return;
        }
        try {
            Optional<ProtectionGroup> group = PraLabels.groupOf(backup, groups)
                    .filter(candidate -> candidate.sourceSite().equals(site));
            if (group.isPresent()) {
                catalog.recordSource(observation, group.get()).ifPresent(metrics::count);
                if (observation.isRestorable()) {
                    group.get().peerSites().forEach(peer -> peerCopy(peer, observation.name())
                            .ifPresent(this::verify));
                }
            }
            if (isPeer(site)) {
                verify(observation);
            }
        } catch (RuntimeException e) {
            // Left for the next resync of the informer to retry.
            LOG.errorf(e, "site %s: recording Backup %s failed", site, observation.name());
        }
    }

    private boolean isPeer(String site) {
        return groups.all().stream().anyMatch(group -> group.peerSites().contains(site));
    }

    private void verify(BackupObservation onPeer) {
        catalog.recordPeer(onPeer).flatMap(groups::find).ifPresent(rpo::evaluate);
    }

    private Optional<BackupObservation> peerCopy(String peer, String name) {
        SharedIndexInformer<Backup> informer = informers.get(peer);
        Backup backup = informer == null ? null
                : informer.getStore().getByKey(config.veleroNamespace() + "/" + name);
        if (backup == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupReader.read(peer, backup));
        } catch (MalformedBackupException e) {
            LOG.warnf("site %s: skipping malformed Backup %s: %s", peer, e.backupName(), e.getMessage());
            return Optional.empty();
        }
    }

    private final class Handler implements ResourceEventHandler<Backup> {
        private final String site;

        Handler(String site) {
            this.site = site;
        }

        @Override
        public void onAdd(Backup backup) {
            handle(site, backup);
        }

        @Override
        public void onUpdate(Backup before, Backup after) {
            handle(site, after);
        }

        @Override
        public void onDelete(Backup backup, boolean finalStateUnknown) {
            LOG.debugf("site %s: Backup %s deleted; the catalog keeps it", site, backup.getMetadata().getName());
        }
    }
}
