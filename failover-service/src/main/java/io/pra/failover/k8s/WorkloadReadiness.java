package io.pra.failover.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * VERIFY on the target site: every Deployment and StatefulSet of the restored namespaces reports as many ready
 * replicas as it asks for, and each namespace has at least one workload. Waits on watches, within a bound
 * shared by all namespaces.
 */
public final class WorkloadReadiness {

    private final KubernetesClient target;

    public WorkloadReadiness(KubernetesClient target) {
        this.target = target;
    }

    /**
     * Empty when every namespace is ready within {@code timeout}; else what was not ready when time ran out.
     * {@code stillWanted} is asked every second of waiting and ends the wait by throwing.
     */
    public Optional<String> awaitReady(List<String> namespaces, Duration timeout, Runnable stillWanted)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> late = new ArrayList<>();
        for (String namespace : namespaces) {
            Duration left = remaining(deadline);
            boolean deployments = Conditions.await(target.apps().deployments().inNamespace(namespace),
                    list -> !list.isEmpty() && list.stream().allMatch(WorkloadReadiness::ready), left, stillWanted)
                    .isPresent();
            boolean statefulSets = Conditions.await(target.apps().statefulSets().inNamespace(namespace),
                    list -> list.stream().allMatch(WorkloadReadiness::ready), remaining(deadline), stillWanted)
                    .isPresent();
            if (!deployments || !statefulSets) {
                late.add(namespace);
            }
        }
        return late.isEmpty() ? Optional.empty()
                : Optional.of("workloads not ready within " + timeout + " in " + String.join(", ", late));
    }

    /** Deployments and StatefulSets in {@code namespaces}, for the step's report. */
    public int count(List<String> namespaces) {
        int count = 0;
        for (String namespace : namespaces) {
            count += target.apps().deployments().inNamespace(namespace).list().getItems().size();
            count += target.apps().statefulSets().inNamespace(namespace).list().getItems().size();
        }
        return count;
    }

    static boolean ready(Deployment deployment) {
        int wanted = replicas(deployment.getSpec() == null ? null : deployment.getSpec().getReplicas());
        Integer ready = deployment.getStatus() == null ? null : deployment.getStatus().getReadyReplicas();
        return (ready == null ? 0 : ready) >= wanted;
    }

    static boolean ready(StatefulSet statefulSet) {
        int wanted = replicas(statefulSet.getSpec() == null ? null : statefulSet.getSpec().getReplicas());
        Integer ready = statefulSet.getStatus() == null ? null : statefulSet.getStatus().getReadyReplicas();
        return (ready == null ? 0 : ready) >= wanted;
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
