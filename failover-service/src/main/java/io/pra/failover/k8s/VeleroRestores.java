package io.pra.failover.k8s;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pra.failover.domain.RestoreReport;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.velero.ExistingResourcePolicy;
import io.pra.velero.Restore;
import io.pra.velero.RestorePhase;
import io.pra.velero.RestoreSpec;
import io.pra.velero.RestoreStatus;

/**
 * Velero {@code Restore} objects of a run on the target site: named {@code pra-<failoverId>}, annotated with the
 * epoch and run, created only when absent (a resumed RESTORE finds the first one), and awaited with a bound.
 */
public final class VeleroRestores {

    private final KubernetesClient target;
    private final String namespace;

    public VeleroRestores(KubernetesClient target, String veleroNamespace) {
        this.target = target;
        this.namespace = veleroNamespace;
    }

    /**
     * Looks for the run's Restore, creates it when absent; returns true when this call created it.
     *
     * @param namespaceMapping source namespace → restored namespace; empty to restore in place
     * @param check            asked right before the create
     */
    public boolean ensure(String name, UUID failoverId, long epoch, String backupName, List<String> namespaces,
            Map<String, String> namespaceMapping, SideEffectCheck check) {
        Restore existing = restores().withName(name).get();
        if (existing != null) {
            if (!PraAnnotations.madeBy(existing.getMetadata().getAnnotations(), failoverId)) {
                throw new IllegalStateException("Restore " + namespace + "/" + name + " exists but was not made by run "
                        + failoverId);
            }
            return false;
        }
        RestoreSpec spec = new RestoreSpec();
        spec.setBackupName(backupName);
        spec.setIncludedNamespaces(List.copyOf(namespaces));
        if (!namespaceMapping.isEmpty()) {
            spec.setNamespaceMapping(new HashMap<>(namespaceMapping));
        }
        spec.setExistingResourcePolicy(ExistingResourcePolicy.UPDATE);
        Restore restore = new Restore();
        restore.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace)
                .withAnnotations(PraAnnotations.of(failoverId, epoch)).build());
        restore.setSpec(spec);
        check.confirm();
        restores().resource(restore).create();
        return true;
    }

    /**
     * The restore's report once Velero finished it, or empty when {@code timeout} passed first; {@code stillWanted}
     * is asked every second of waiting and ends the wait by throwing.
     */
    public Optional<RestoreReport> awaitFinished(String name, Duration timeout, Runnable stillWanted)
            throws InterruptedException {
        return Conditions.await(restores().withName(name),
                        list -> list.stream().anyMatch(r -> report(r).isFinished()), timeout, stillWanted)
                .flatMap(list -> list.stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst())
                .map(VeleroRestores::report);
    }

    /** The restore as it stands now; empty when it does not exist. */
    public Optional<RestoreReport> current(String name) {
        return Optional.ofNullable(restores().withName(name).get()).map(VeleroRestores::report);
    }

    /** Deletes the restore object (not what it restored). */
    public void delete(String name) {
        restores().withName(name).delete();
    }

    static RestoreReport report(Restore restore) {
        RestoreStatus status = restore.getStatus() == null ? new RestoreStatus() : restore.getStatus();
        RestorePhase phase = status.getPhase() == null ? RestorePhase.NEW : status.getPhase();
        RestoreReport.State state = switch (phase) {
            case COMPLETED -> RestoreReport.State.COMPLETED;
            case PARTIALLY_FAILED -> RestoreReport.State.PARTIALLY_FAILED;
            case FAILED, FAILED_VALIDATION -> RestoreReport.State.FAILED;
            default -> RestoreReport.State.RUNNING;
        };
        return new RestoreReport(state, phase.value(), status.getErrors(), status.getWarnings(),
                status.getFailureReason(), status.getValidationErrors());
    }

    private NonNamespaceOperation<Restore, KubernetesResourceList<Restore>, Resource<Restore>> restores() {
        return target.resources(Restore.class).inNamespace(namespace);
    }
}
