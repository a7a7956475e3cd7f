package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.testkit.site.FakeSite;
import io.pra.velero.Backup;
import io.pra.velero.Restore;
import io.pra.velero.Schedule;
import io.pra.velero.Velero;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A Velero server for one {@link FakeSite}: watches Backup, Restore and Schedule objects in its namespace and
 * drives them as Velero does, reading and writing backups in a shared {@link ObjectStorage}.
 *
 * <pre>{@code
 * try (VeleroSimulator velero = VeleroSimulator.builder(site, storage).clock(clock).build().start()) {
 *     velero.faults().inject(Operation.RESTORE, Fault.hang(), 1);
 * }
 * }</pre>
 */
public final class VeleroSimulator implements AutoCloseable {

    /** Bucket of the {@code default} storage location the simulator creates when a site has none. */
    public static final String DEFAULT_BUCKET = "pra-backups";

    private final FakeSite site;
    private final ObjectStorage storage;
    private final String namespace;
    private final Clock clock;
    private final Timings timings;
    private final String defaultBucket;
    private KubernetesClient client;
    private SimulatorRuntime runtime;
    private StorageLocations locations;
    private BackupSync sync;
    private ScheduleController schedules;
    private boolean closed;

    private VeleroSimulator(Builder builder) {
        this.site = builder.site;
        this.storage = builder.storage;
        this.namespace = builder.namespace;
        this.clock = builder.clock;
        this.timings = builder.timings;
        this.defaultBucket = builder.defaultBucket;
    }

    public static Builder builder(FakeSite site, ObjectStorage storage) {
        return new Builder(site, storage);
    }

    /** A simulator with the defaults (namespace {@code velero}, system clock, {@link Timings#defaults()}), started. */
    public static VeleroSimulator start(FakeSite site, ObjectStorage storage) {
        return builder(site, storage).build().start();
    }

    /** Starts watching the site; returns once the existing objects have been seen (or after 10 s if it is down). */
    public synchronized VeleroSimulator start() {
        if (runtime != null || closed) {
            throw new IllegalStateException("a simulator starts once");
        }
        client = site.newClient();
        runtime = new SimulatorRuntime(site.id(), client, namespace, clock, timings, storage);
        locations = new StorageLocations(runtime, defaultBucket);
        sync = new BackupSync(runtime, locations);
        schedules = new ScheduleController(runtime);
        BackupController backups = new BackupController(runtime, locations);
        RestoreController restores = new RestoreController(runtime, locations);
        runtime.run("create the default storage location", locations::reconcile);
        runtime.inform(Backup.class, backups::onChange, backups::onDelete);
        runtime.inform(Restore.class, restores::onChange, restores::onDelete);
        schedules.watch(runtime.inform(Schedule.class, schedules::onChange, schedules::onDelete));
        runtime.every(timings.syncPeriod(), "sync backups", this::syncRound);
        runtime.every(timings.scheduleCheckPeriod(), "evaluate schedules", schedules::tick);
        runtime.awaitInformersSynced(Duration.ofSeconds(10));
        return this;
    }

    /**
     * Evaluates schedules against the clock now (after advancing a {@code MutableClock}, say) and waits until the
     * Backups that were due are created.
     */
    public void tick() {
        running().call("evaluate schedules", () -> {
            schedules.tick();
            return null;
        });
        awaitQueuedWork();
    }

    /** Validates storage locations and syncs backups from object storage now; waits for it. */
    public void syncNow() {
        running().call("sync backups", () -> {
            syncRound();
            return null;
        });
    }

    /** Work queued to run at once (e.g. a due schedule's Backup) is ahead of this no-op on the single thread. */
    private void awaitQueuedWork() {
        running().call("finish queued work", () -> null);
    }

    /** Fault injection for this site's Velero. */
    public Faults faults() {
        return running().faults;
    }

    /** What this site's Velero has done so far. */
    public VeleroCounters counters() {
        return running().counters;
    }

    public FakeSite site() {
        return site;
    }

    public ObjectStorage storage() {
        return storage;
    }

    public String namespace() {
        return namespace;
    }

    public Clock clock() {
        return clock;
    }

    public Timings timings() {
        return timings;
    }

    /** Stops informers and threads; work in progress is dropped, as when the Velero pod dies. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (runtime != null) {
            runtime.close();
            client.close();
        }
    }

    private void syncRound() {
        locations.reconcile();
        sync.sync();
    }

    private synchronized SimulatorRuntime running() {
        if (runtime == null) {
            throw new IllegalStateException("the simulator of site " + site.id() + " has not been started");
        }
        return runtime;
    }

    /** Settings of a simulator; everything but the site and the storage has a default. */
    public static final class Builder {
        private final FakeSite site;
        private final ObjectStorage storage;
        private String namespace = Velero.DEFAULT_NAMESPACE;
        private Clock clock = Clock.systemUTC();
        private Timings timings = Timings.defaults();
        private String defaultBucket = DEFAULT_BUCKET;

        private Builder(FakeSite site, ObjectStorage storage) {
            this.site = Objects.requireNonNull(site, "site");
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** Namespace Velero is installed in; default {@code velero}. */
        public Builder namespace(String value) {
            this.namespace = Objects.requireNonNull(value);
            return this;
        }

        /** Clock for timestamps and schedules; default the system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value);
            return this;
        }

        public Builder timings(Timings value) {
            this.timings = Objects.requireNonNull(value);
            return this;
        }

        /** Bucket of the default storage location; sites share backups when their buckets are equal. */
        public Builder defaultBucket(String value) {
            this.defaultBucket = Objects.requireNonNull(value);
            return this;
        }

        public VeleroSimulator build() {
            return new VeleroSimulator(this);
        }
    }
}
