package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pra.velero.Backup;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.Restore;
import io.pra.velero.Schedule;
import io.pra.velero.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the controllers of one simulator share: the site client, the clock, and one thread on which all their work
 * runs, so controller state needs no locking. A task the site refuses (outage, conflict) is simply tried again.
 */
final class SimulatorRuntime {

    private static final Logger LOG = Logger.getLogger(SimulatorRuntime.class.getName());

    final String siteId;
    final KubernetesClient client;
    final String namespace;
    final Clock clock;
    final Timings timings;
    final Faults faults;
    final VeleroCounters counters;
    final ObjectStorage storage;
    private final ScheduledExecutorService executor;
    private final List<SharedIndexInformer<?>> informers = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> firstLists = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    SimulatorRuntime(String siteId, KubernetesClient client, String namespace, Clock clock, Timings timings,
            ObjectStorage storage) {
        this.siteId = siteId;
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.timings = timings;
        this.storage = storage;
        this.faults = new Faults();
        this.counters = new VeleroCounters();
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "velero-simulator-site-" + siteId);
            thread.setDaemon(true);
            return thread;
        });
    }

    Instant now() {
        return clock.instant();
    }

    String timestamp() {
        return Timestamps.format(clock.instant());
    }

    NonNamespaceOperation<Backup, KubernetesResourceList<Backup>, Resource<Backup>> backups() {
        return client.resources(Backup.class).inNamespace(namespace);
    }

    NonNamespaceOperation<Restore, KubernetesResourceList<Restore>, Resource<Restore>> restores() {
        return client.resources(Restore.class).inNamespace(namespace);
    }

    NonNamespaceOperation<Schedule, KubernetesResourceList<Schedule>, Resource<Schedule>> schedules() {
        return client.resources(Schedule.class).inNamespace(namespace);
    }

    NonNamespaceOperation<BackupStorageLocation, KubernetesResourceList<BackupStorageLocation>,
            Resource<BackupStorageLocation>> locations() {
        return client.resources(BackupStorageLocation.class).inNamespace(namespace);
    }

    /** Runs the task on the simulator thread as soon as possible. */
    void run(String what, Runnable task) {
        later(Duration.ZERO, what, task);
    }

    /** Runs the task on the simulator thread after the delay; retried while the site refuses it. */
    void later(Duration delay, String what, Runnable task) {
        if (closed) {
            return;
        }
        try {
            executor.schedule(() -> attempt(what, task), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: the work is dropped, as a stopped Velero drops it.
        }
    }

    /** Runs the task every period on the simulator thread; a failed round waits for the next one. */
    void every(Duration period, String what, Runnable task) {
        executor.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (KubernetesClientException e) {
                LOG.log(Level.FINE, () -> "site " + siteId + ": " + what + " deferred: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "site " + siteId + ": " + what + " failed", e);
            }
        }, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs the task on the simulator thread and waits for it, so callers see its effects when this returns. */
    <T> T call(String what, Callable<T> task) {
        try {
            return executor.submit(task).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(what + " did not finish within 30 s on site " + siteId, e);
        }
    }

    /** Watches a kind in the Velero namespace; events are handed to the simulator thread. */
    <T extends HasMetadata> SharedIndexInformer<T> inform(Class<T> type, Consumer<T> onChange, Consumer<T> onDelete) {
        SharedIndexInformer<T> informer = client.resources(type).inNamespace(namespace).runnableInformer(0);
        // An outage of the site must not stop Velero for good: keep listing and watching until it answers again.
        informer.exceptionHandler((started, error) -> !closed);
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                run("react to " + describe(obj), () -> onChange.accept(obj));
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                run("react to " + describe(newObj), () -> onChange.accept(newObj));
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                run("forget " + describe(obj), () -> onDelete.accept(obj));
            }
        });
        informers.add(informer);
        firstLists.add(informer.start().toCompletableFuture());
        return informer;
    }

    /** Waits until every informer has listed its kind once, so the simulator sees what already exists. */
    void awaitInformersSynced(Duration bound) {
        try {
            CompletableFuture.allOf(firstLists.toArray(CompletableFuture[]::new))
                    .get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The site is not answering yet: the informers keep trying and catch up when it does.
            LOG.log(Level.FINE, () -> "site " + siteId + ": informers not synced yet: " + e.getMessage());
        }
    }

    void close() {
        closed = true;
        informers.forEach(SharedIndexInformer::close);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        faults.forgetHanging();
    }

    private void attempt(String what, Runnable task) {
        if (closed) {
            return;
        }
        try {
            task.run();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                LOG.log(Level.FINE, () -> "site " + siteId + ": " + what + " dropped, object gone");
                return;
            }
            LOG.log(Level.FINE, () -> "site " + siteId + ": " + what + " will be retried: " + e.getMessage());
            later(timings.retryInterval(), what, task);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "site " + siteId + ": " + what + " failed", e);
        }
    }

    private static String describe(HasMetadata obj) {
        return obj.getKind() + " " + obj.getMetadata().getName();
    }
}
