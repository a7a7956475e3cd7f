package io.pra.health.domain;

import java.util.List;

/**
 * What the HA readiness audit found about one Deployment or StatefulSet.
 *
 * @param namespace its namespace
 * @param kind      Deployment or StatefulSet
 * @param name      its name
 * @param findings  what falls short (fewer than 2 replicas, a container without liveness or readiness probe, no
 *                  PodDisruptionBudget); empty when compliant
 */
public record WorkloadAudit(String namespace, String kind, String name, List<String> findings) {

    /** {@code namespace/Kind/name}. */
    public String workload() {
        return namespace + "/" + kind + "/" + name;
    }

    public boolean compliant() {
        return findings.isEmpty();
    }
}
