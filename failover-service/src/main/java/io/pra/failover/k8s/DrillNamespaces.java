package io.pra.failover.k8s;

import java.util.Collection;

import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Removes what a drill restored on the target site: its {@code drill-<ns>} namespaces, whose content Kubernetes
 * deletes with them. Deleting the namespace is the only cleanup right failover-service has there (see
 * {@code deploy/base/rbac/failover-service.yaml}); it never deletes objects one kind at a time.
 */
public final class DrillNamespaces {

    private final KubernetesClient target;

    public DrillNamespaces(KubernetesClient target) {
        this.target = target;
    }

    /** Deletes the namespaces; one already gone is fine. */
    public void delete(Collection<String> namespaces) {
        for (String namespace : namespaces) {
            target.namespaces().withName(namespace).delete();
        }
    }
}
