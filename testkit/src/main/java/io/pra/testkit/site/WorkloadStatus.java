package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;

/**
 * Plays the part of the kube-controller-manager the fake sites lack: the status a Deployment or StatefulSet
 * reports once all its pods are ready.
 */
public final class WorkloadStatus {

    private WorkloadStatus() {
    }

    /** All replicas ready and available, condition Available=True. */
    public static DeploymentStatus ready(Deployment deployment) {
        int replicas = replicas(deployment.getSpec() == null ? null : deployment.getSpec().getReplicas());
        String now = Instant.now().toString();
        return new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withReadyReplicas(replicas)
                .withAvailableReplicas(replicas)
                .addNewCondition()
                .withType("Available").withStatus("True").withReason("MinimumReplicasAvailable")
                .withMessage("Deployment has minimum availability.")
                .withLastTransitionTime(now).withLastUpdateTime(now)
                .endCondition()
                .addNewCondition()
                .withType("Progressing").withStatus("True").withReason("NewReplicaSetAvailable")
                .withLastTransitionTime(now).withLastUpdateTime(now)
                .endCondition()
                .build();
    }

    /** All replicas ready, current and available. */
    public static StatefulSetStatus ready(StatefulSet statefulSet) {
        int replicas = replicas(statefulSet.getSpec() == null ? null : statefulSet.getSpec().getReplicas());
        return new StatefulSetStatusBuilder()
                .withObservedGeneration(statefulSet.getMetadata().getGeneration())
                .withReplicas(replicas)
                .withReadyReplicas(replicas)
                .withCurrentReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .withAvailableReplicas(replicas)
                .build();
    }

    /** Writes the ready status of a Deployment; false if it does not exist. */
    public static boolean markDeploymentReady(KubernetesClient client, String namespace, String name) {
        var resource = client.apps().deployments().inNamespace(namespace).withName(name);
        if (resource.get() == null) {
            return false;
        }
        resource.editStatus(deployment -> {
            deployment.setStatus(ready(deployment));
            return deployment;
        });
        return true;
    }

    /** Writes the ready status of a StatefulSet; false if it does not exist. */
    public static boolean markStatefulSetReady(KubernetesClient client, String namespace, String name) {
        var resource = client.apps().statefulSets().inNamespace(namespace).withName(name);
        if (resource.get() == null) {
            return false;
        }
        resource.editStatus(statefulSet -> {
            statefulSet.setStatus(ready(statefulSet));
            return statefulSet;
        });
        return true;
    }

    private static int replicas(Integer replicas) {
        // The API server defaults spec.replicas to 1.
        return replicas == null ? 1 : replicas;
    }
}
