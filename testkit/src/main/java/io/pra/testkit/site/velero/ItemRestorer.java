package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pra.testkit.site.WorkloadStatus;
import io.pra.velero.ExistingResourcePolicy;
import io.pra.velero.VeleroLabels;

/** Writes restored objects to the site, honouring the existing-resource policy, and reports workloads ready. */
final class ItemRestorer {

    /** What happened to one restored object. */
    enum Outcome {
        CREATED,
        UPDATED,
        /** Already there and left alone (Velero's default policy). */
        EXISTED
    }

    private final KubernetesClient client;

    ItemRestorer(KubernetesClient client) {
        this.client = client;
    }

    Outcome restore(HasMetadata item, ExistingResourcePolicy policy) {
        try {
            client.resource(item).create();
            return Outcome.CREATED;
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
        if (policy != ExistingResourcePolicy.UPDATE) {
            return Outcome.EXISTED;
        }
        HasMetadata live = client.resource(item).get();
        item.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        client.resource(item).update();
        return Outcome.UPDATED;
    }

    /** Creates a target namespace that the backup did not carry (e.g. a mapped one for a selector-based backup). */
    void ensureNamespace(String namespace, String restoreName, String backupName) {
        if (client.namespaces().withName(namespace).get() != null) {
            return;
        }
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .addToLabels(VeleroLabels.RESTORE_NAME, restoreName)
                    .addToLabels(VeleroLabels.BACKUP_NAME, backupName)
                    .endMetadata().withNewStatus().withPhase("Active").endStatus().build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /** Stands in for the pods of a restored Deployment or StatefulSet becoming ready. */
    void markReady(HasMetadata workload) {
        String namespace = workload.getMetadata().getNamespace();
        String name = workload.getMetadata().getName();
        if (workload instanceof Deployment) {
            WorkloadStatus.markDeploymentReady(client, namespace, name);
        } else {
            WorkloadStatus.markStatefulSetReady(client, namespace, name);
        }
    }
}
