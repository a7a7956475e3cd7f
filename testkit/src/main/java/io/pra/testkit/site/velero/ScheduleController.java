package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pra.velero.Backup;
import io.pra.velero.Schedule;
import io.pra.velero.SchedulePhase;
import io.pra.velero.ScheduleStatus;
import io.pra.velero.Timestamps;
import io.pra.velero.VeleroLabels;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Velero's schedule controller: validates each Schedule and, when its cron is due on the simulator's clock,
 * creates a Backup named {@code <schedule>-<yyyyMMddHHmmss>} from its template.
 */
final class ScheduleController {

    private static final DateTimeFormatter BACKUP_SUFFIX =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private final SimulatorRuntime runtime;
    /** When the simulator first saw each schedule (by uid): "creation" on the simulator's own clock. */
    private final Map<String, Instant> firstSeen = new HashMap<>();
    /** Last run per schedule uid, ahead of the informer cache, so a slow status update never fires twice. */
    private final Map<String, Instant> lastRun = new HashMap<>();
    private SharedIndexInformer<Schedule> informer;

    ScheduleController(SimulatorRuntime runtime) {
        this.runtime = runtime;
    }

    void watch(SharedIndexInformer<Schedule> schedules) {
        this.informer = schedules;
    }

    void onChange(Schedule schedule) {
        firstSeen.putIfAbsent(schedule.getMetadata().getUid(), runtime.now());
        evaluate(schedule);
    }

    void onDelete(Schedule schedule) {
        firstSeen.remove(schedule.getMetadata().getUid());
        lastRun.remove(schedule.getMetadata().getUid());
    }

    /** Evaluates every known schedule against the clock now. */
    void tick() {
        if (informer == null) {
            return;
        }
        for (Schedule schedule : informer.getStore().list()) {
            firstSeen.putIfAbsent(schedule.getMetadata().getUid(), runtime.now());
            evaluate(schedule);
        }
    }

    private void evaluate(Schedule schedule) {
        String name = schedule.getMetadata().getName();
        SchedulePhase phase = schedule.getStatus() == null ? null : schedule.getStatus().getPhase();
        CronSchedule cron;
        try {
            cron = CronSchedule.parse(schedule.getSpec() == null ? null : schedule.getSpec().getSchedule());
        } catch (IllegalArgumentException e) {
            if (phase != SchedulePhase.FAILED_VALIDATION) {
                runtime.run("reject schedule " + name, () -> writeStatus(name, SchedulePhase.FAILED_VALIDATION,
                        null, List.of(e.getMessage())));
            }
            return;
        }
        if (phase != SchedulePhase.ENABLED) {
            runtime.run("enable schedule " + name, () -> writeStatus(name, SchedulePhase.ENABLED, null, null));
        }
        if (schedule.getSpec().isPaused()) {
            return;
        }
        Instant now = runtime.now();
        if (isDue(schedule, cron, now)) {
            lastRun.put(schedule.getMetadata().getUid(), now);
            runtime.run("run schedule " + name, () -> fire(schedule, now));
        }
    }

    private boolean isDue(Schedule schedule, CronSchedule cron, Instant now) {
        String uid = schedule.getMetadata().getUid();
        Instant last = lastRun.get(uid);
        Instant recorded = schedule.getStatus() == null ? null : Timestamps.parse(schedule.getStatus().getLastBackup());
        if (recorded != null && (last == null || recorded.isAfter(last))) {
            last = recorded;
        }
        if (last == null) {
            // A new schedule runs at once, unless skipImmediately asks to wait for its first cron time.
            if (!Boolean.TRUE.equals(schedule.getSpec().getSkipImmediately())) {
                return true;
            }
            last = firstSeen.get(uid);
        }
        return !cron.nextAfter(last).isAfter(now);
    }

    private void fire(Schedule schedule, Instant now) {
        String name = schedule.getMetadata().getName();
        Backup backup = new Backup();
        ObjectMetaBuilder metadata = new ObjectMetaBuilder()
                .withName(name + "-" + BACKUP_SUFFIX.format(now))
                .withNamespace(runtime.namespace)
                .addToLabels(VeleroLabels.SCHEDULE_NAME, name);
        if (Boolean.TRUE.equals(schedule.getSpec().getUseOwnerReferencesInBackup())) {
            metadata.addToOwnerReferences(new OwnerReferenceBuilder()
                    .withApiVersion(schedule.getApiVersion()).withKind(schedule.getKind())
                    .withName(name).withUid(schedule.getMetadata().getUid()).withController(true).build());
        }
        backup.setMetadata(metadata.build());
        backup.setSpec(JSON.clone(schedule.getSpec().getTemplate()));
        try {
            runtime.backups().resource(backup).create();
            runtime.counters.backupScheduled();
        } catch (KubernetesClientException e) {
            // Already created by an earlier attempt whose status update was lost: only the status is left to do.
            if (e.getCode() != 409) {
                throw e;
            }
        }
        writeStatus(name, SchedulePhase.ENABLED, Timestamps.format(now), null);
    }

    private void writeStatus(String name, SchedulePhase phase, String lastBackup, List<String> validationErrors) {
        runtime.schedules().withName(name).edit(schedule -> {
            ScheduleStatus status = schedule.getStatus() == null ? new ScheduleStatus() : schedule.getStatus();
            status.setPhase(phase);
            status.setValidationErrors(validationErrors);
            if (lastBackup != null) {
                status.setLastBackup(lastBackup);
            }
            schedule.setStatus(status);
            return schedule;
        });
    }
}
