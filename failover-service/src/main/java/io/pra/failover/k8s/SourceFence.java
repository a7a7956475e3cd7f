package io.pra.failover.k8s;

import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.failover.domain.SideEffectCheck;

/**
 * FENCE_SOURCE on the source site: scales the protected Deployments and StatefulSets that still run to zero through
 * their {@code scale} subresource, the one write its Role allows (it can change replicas, never a pod template or an
 * annotation), so a source that comes back does not serve beside the target. What it scaled, with the replicas each
 * had, goes into the phase's detail (stored with the run and published in {@code pra.failover.step}): that is the
 * record for the way back. A resumed fence finds the workloads it already scaled at zero and leaves them out. Each
 * call is bounded by the client's request timeout; the caller bounds the whole step.
 */
public final class SourceFence {

    /** One workload the fence scaled to zero and the replicas it asked for before. */
    public record Scaled(String namespace, String kind, String name, int replicasBefore) {

        /** {@code shop/Deployment/web (2 -> 0)}. */
        @Override
        public String toString() {
            return namespace + "/" + kind + "/" + name + " (" + replicasBefore + " -> 0)";
        }
    }

    private final KubernetesClient source;

    public SourceFence(KubernetesClient source) {
        this.source = source;
    }

    /** Scales what still runs in {@code namespaces} to zero, asking {@code check} before each scale; returns those. */
    public List<Scaled> scaleToZero(List<String> namespaces, SideEffectCheck check) {
        List<Scaled> scaled = new ArrayList<>();
        for (String namespace : namespaces) {
            for (Deployment deployment : source.apps().deployments().inNamespace(namespace).list().getItems()) {
                int replicas = replicas(deployment.getSpec().getReplicas());
                if (replicas > 0) {
                    check.confirm();
                    source.apps().deployments().inNamespace(namespace).withName(name(deployment))
                            .scale(zero(deployment));
                    scaled.add(new Scaled(namespace, "Deployment", name(deployment), replicas));
                }
            }
            for (StatefulSet statefulSet : source.apps().statefulSets().inNamespace(namespace).list().getItems()) {
                int replicas = replicas(statefulSet.getSpec().getReplicas());
                if (replicas > 0) {
                    check.confirm();
                    source.apps().statefulSets().inNamespace(namespace).withName(name(statefulSet))
                            .scale(zero(statefulSet));
                    scaled.add(new Scaled(namespace, "StatefulSet", name(statefulSet), replicas));
                }
            }
        }
        return scaled;
    }

    /** A Scale of zero replicas, without resourceVersion: the fence wins over any concurrent change. */
    private static Scale zero(HasMetadata workload) {
        return new ScaleBuilder()
                .withNewMetadata()
                .withName(name(workload))
                .withNamespace(workload.getMetadata().getNamespace())
                .endMetadata()
                .withNewSpec().withReplicas(0).endSpec()
                .build();
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }
}
