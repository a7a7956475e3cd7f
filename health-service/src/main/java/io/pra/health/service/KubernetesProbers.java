package io.pra.health.service;

/**
 * The probers that read a site's Kubernetes API, provided by the {@code k8s} package (which owns the fabric8 clients),
 * so that the probe engine never depends on fabric8 code.
 */
public interface KubernetesProbers {

    /** Probes the {@code KUBERNETES_API}, {@code NODES} and {@code WORKLOAD} checks. */
    Prober readiness();

    /** Runs the HA audit checks, whose findings go to the {@link AuditLedger}. */
    Prober audit();
}
