package io.pra.failover.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.failover.domain.SideEffectCheck;

/**
 * FENCE_SOURCE on the source site: scales the protected Deployments and StatefulSets to zero, annotated with
 * the run, so a source that comes back does not serve beside the target. Each call is bounded by the client's
 * request timeout; the caller bounds the whole step.
 */
public final class SourceFence {

    private final KubernetesClient source;

    public SourceFence(KubernetesClient source) {
        this.source = source;
    }

    /**
     * Scales what still runs to zero, asking {@code check} before each scale; returns the workloads scaled
     * ({@code namespace/kind/name}).
     */
    public List<String> scaleToZero(List<String> namespaces, UUID failoverId, long epoch, SideEffectCheck check) {
        List<String> scaled = new ArrayList<>();
        for (String namespace : namespaces) {
            for (Deployment deployment : source.apps().deployments().inNamespace(namespace).list().getItems()) {
                if (replicas(deployment.getSpec().getReplicas()) > 0) {
                    check.confirm();
                    source.apps().deployments().inNamespace(namespace).withName(name(deployment)).edit(d -> {
                        d.getSpec().setReplicas(0);
                        annotate(d, failoverId, epoch);
                        return d;
                    });
                    scaled.add(namespace + "/Deployment/" + name(deployment));
                }
            }
            for (StatefulSet statefulSet : source.apps().statefulSets().inNamespace(namespace).list().getItems()) {
                if (replicas(statefulSet.getSpec().getReplicas()) > 0) {
                    check.confirm();
                    source.apps().statefulSets().inNamespace(namespace).withName(name(statefulSet)).edit(s -> {
                        s.getSpec().setReplicas(0);
                        annotate(s, failoverId, epoch);
                        return s;
                    });
                    scaled.add(namespace + "/StatefulSet/" + name(statefulSet));
                }
            }
        }
        return scaled;
    }

    private static void annotate(HasMetadata object, UUID failoverId, long epoch) {
        HashMap<String, String> annotations = object.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(object.getMetadata().getAnnotations());
        annotations.putAll(PraAnnotations.of(failoverId, epoch));
        object.getMetadata().setAnnotations(annotations);
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }
}
