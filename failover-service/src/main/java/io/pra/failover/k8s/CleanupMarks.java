package io.pra.failover.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.failover.domain.SideEffectCheck;

/**
 * Marks the namespaces a failed or aborted run restored into on the target site with the label
 * {@value #LABEL}{@code =<failoverId>}, for an operator to remove: PRA never deletes a namespace of the
 * protected application on its own, since the target may have held it before the run.
 */
public final class CleanupMarks {

    /** The label an operator selects on: {@code kubectl get ns -l pra.io/cleanup}. */
    public static final String LABEL = "pra.io/cleanup";

    private final KubernetesClient target;

    public CleanupMarks(KubernetesClient target) {
        this.target = target;
    }

    /** Labels each existing namespace not marked yet, asking {@code check} before each write; returns those. */
    public List<String> mark(List<String> namespaces, UUID failoverId, SideEffectCheck check) {
        List<String> marked = new ArrayList<>();
        for (String name : namespaces) {
            Namespace namespace = target.namespaces().withName(name).get();
            if (namespace == null || failoverId.toString().equals(label(namespace))) {
                continue;
            }
            check.confirm();
            target.namespaces().withName(name).edit(live -> new NamespaceBuilder(live).editMetadata()
                    .addToLabels(LABEL, failoverId.toString()).endMetadata().build());
            marked.add(name);
        }
        return marked;
    }

    private static String label(Namespace namespace) {
        return namespace.getMetadata().getLabels() == null ? null : namespace.getMetadata().getLabels().get(LABEL);
    }
}
