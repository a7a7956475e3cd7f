package io.pra.backup.k8s;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pra.backup.config.BackupConfig;
import io.pra.backup.config.ProtectionGroups;
import io.pra.backup.domain.ProtectionGroup;
import io.pra.kit.k8s.SiteClients;
import io.pra.velero.Schedule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps one Velero Schedule per group on its source site, as configured: creates it, puts back a changed spec,
 * recreates it if deleted. Schedules PRA does not own (no PRA managed-by label) are left alone, even under a
 * PRA name. Driven by an informer on the owned Schedules, plus a retry when a site refused a write.
 */
@Singleton
public class ScheduleReconciler {

    private static final Logger LOG = Logger.getLogger(ScheduleReconciler.class);

    private final SiteClients sites;
    private final ProtectionGroups groups;
    private final BackupConfig config;
    private final Map<String, SharedIndexInformer<Schedule>> informers = new ConcurrentHashMap<>();
    private ScheduledExecutorService retries;

    ScheduleReconciler(SiteClients sites, ProtectionGroups groups, BackupConfig config) {
        this.sites = sites;
        this.groups = groups;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        retries = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "schedule-retry"));
        for (ProtectionGroup group : groups.all()) {
            String site = group.sourceSite();
            if (informers.containsKey(site)) {
                continue;
            }
            SharedIndexInformer<Schedule> informer = sites.client(site).resources(Schedule.class)
                    .inNamespace(config.veleroNamespace())
                    .withLabel(PraLabels.MANAGED_BY, PraLabels.MANAGED_BY_VALUE).runnableInformer(0);
            informer.exceptionHandler((started, error) -> {
                LOG.warnf("Schedule informer of site %s: %s; retrying", site, error.toString());
                return true;
            });
            informer.addEventHandlerWithResyncPeriod(new Handler(), config.kubernetes().resyncPeriod().toMillis());
            informers.put(site, informer);
            // Never on the completing thread: it can be a Vert.x event loop, and reconciling blocks.
            informer.start().thenRunAsync(() -> groups.all().stream()
                    .filter(candidate -> candidate.sourceSite().equals(site)).forEach(this::reconcileSafely), retries);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        informers.values().forEach(SharedIndexInformer::stop);
        if (retries != null) {
            retries.shutdownNow();
        }
    }

    /** Makes the group's Schedule on its source site match the configuration. */
    public void reconcile(ProtectionGroup group) {
        Schedule desired = VeleroObjects.schedule(group, config.veleroNamespace());
        var schedules = sites.client(group.sourceSite()).resources(Schedule.class)
                .inNamespace(config.veleroNamespace());
        Schedule live = schedules.withName(desired.getMetadata().getName()).get();
        if (live == null) {
            schedules.resource(desired).create();
            LOG.infof("site %s: created Schedule %s for group %s (%s)", group.sourceSite(), group.scheduleName(),
                    group.name(), group.schedule());
            return;
        }
        Map<String, String> labels = live.getMetadata().getLabels();
        if (labels == null || !PraLabels.MANAGED_BY_VALUE.equals(labels.get(PraLabels.MANAGED_BY))) {
            LOG.warnf("site %s: Schedule %s exists but is not owned by PRA; group %s is not scheduled",
                    group.sourceSite(), group.scheduleName(), group.name());
            return;
        }
        if (desired.getSpec().equals(live.getSpec()) && labels.entrySet().containsAll(
                desired.getMetadata().getLabels().entrySet())) {
            return;
        }
        schedules.withName(group.scheduleName()).edit(schedule -> {
            schedule.setSpec(desired.getSpec());
            schedule.getMetadata().getLabels().putAll(desired.getMetadata().getLabels());
            return schedule;
        });
        LOG.infof("site %s: updated Schedule %s of group %s to the configuration", group.sourceSite(),
                group.scheduleName(), group.name());
    }

    private void reconcileSafely(ProtectionGroup group) {
        try {
            reconcile(group);
        } catch (KubernetesClientException e) {
            LOG.warnf("site %s: reconciling Schedule %s failed (%s); retrying in %s", group.sourceSite(),
                    group.scheduleName(), e.getMessage(), config.kubernetes().watchReconnectInterval());
            if (!retries.isShutdown()) {
                retries.schedule(() -> reconcileSafely(group),
                        config.kubernetes().watchReconnectInterval().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void reconcileOwned(Schedule schedule) {
        String group = schedule.getMetadata().getLabels().get(PraLabels.PROTECTION_GROUP);
        groups.find(group).ifPresent(this::reconcileSafely);
    }

    private final class Handler implements ResourceEventHandler<Schedule> {
        @Override
        public void onAdd(Schedule schedule) {
            reconcileOwned(schedule);
        }

        @Override
        public void onUpdate(Schedule before, Schedule after) {
            reconcileOwned(after);
        }

        @Override
        public void onDelete(Schedule schedule, boolean finalStateUnknown) {
            reconcileOwned(schedule);
        }
    }
}
