package io.pra.failover.k8s;

import java.util.Collection;

import io.fabric8.kubernetes.client.KubernetesClient;

/** Removes what a drill restored on the target site: the {@code drill-<ns>} namespaces and everything in them. */
public final class DrillNamespaces {

    private final KubernetesClient target;

    public DrillNamespaces(KubernetesClient target) {
        this.target = target;
    }

    /** Deletes the namespaces, their workloads and configuration first (a namespace delete cascades only in a real cluster). */
    public void delete(Collection<String> namespaces) {
        for (String namespace : namespaces) {
            target.apps().deployments().inNamespace(namespace).delete();
            target.apps().statefulSets().inNamespace(namespace).delete();
            target.services().inNamespace(namespace).delete();
            target.configMaps().inNamespace(namespace).delete();
            target.secrets().inNamespace(namespace).delete();
            target.persistentVolumeClaims().inNamespace(namespace).delete();
            target.namespaces().withName(namespace).delete();
        }
    }
}
