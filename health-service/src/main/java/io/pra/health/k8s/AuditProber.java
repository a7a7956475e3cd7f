package io.pra.health.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.pra.health.domain.WorkloadAudit;
import io.pra.health.service.AuditLedger;
import io.pra.health.service.Prober;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HA readiness audit: every Deployment and StatefulSet of the protected namespaces should run at least 2 replicas,
 * have liveness and readiness probes on every container, and be covered by a PodDisruptionBudget (one whose
 * {@code matchLabels} the pod template carries). The findings go to the {@link AuditLedger}; the probe itself
 * passes whenever the audit could run.
 */
public final class AuditProber implements Prober {

    private final SiteClientPools clients;
    private final AuditLedger ledger;

    public AuditProber(SiteClientPools clients, AuditLedger ledger) {
        this.clients = clients;
        this.ledger = ledger;
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        SiteClientPools.SiteClient site = clients.site(check.site());
        return Uni.createFrom().item(() -> {
            long start = System.nanoTime();
            List<WorkloadAudit> audits = audit(site.client(), (ProbeTarget.Audit) check.target());
            ledger.record(check, audits);
            long failing = audits.stream().filter(audit -> !audit.compliant()).count();
            return ProbeOutcome.pass(null, KubernetesProber.elapsed(start),
                    audits.size() + " workloads audited, " + failing + " with findings");
        }).runSubscriptionOn(site.pool());
    }

    static List<WorkloadAudit> audit(KubernetesClient client, ProbeTarget.Audit target) {
        List<WorkloadAudit> audits = new ArrayList<>();
        for (String namespace : target.namespaces()) {
            List<PodDisruptionBudget> budgets = client.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems();
            client.apps().deployments().inNamespace(namespace).list().getItems().forEach(deployment -> audits.add(
                    workload(namespace, "Deployment", deployment.getMetadata().getName(),
                            deployment.getSpec().getReplicas(), deployment.getSpec().getTemplate(), budgets)));
            client.apps().statefulSets().inNamespace(namespace).list().getItems().forEach(statefulSet -> audits.add(
                    workload(namespace, "StatefulSet", statefulSet.getMetadata().getName(),
                            statefulSet.getSpec().getReplicas(), statefulSet.getSpec().getTemplate(), budgets)));
        }
        return audits;
    }

    private static WorkloadAudit workload(String namespace, String kind, String name, Integer replicas,
            PodTemplateSpec template, List<PodDisruptionBudget> budgets) {
        List<String> findings = new ArrayList<>();
        int wanted = replicas == null ? 1 : replicas;
        if (wanted < 2) {
            findings.add("fewer than 2 replicas (" + wanted + ")");
        }
        List<Container> containers = template == null || template.getSpec() == null ? List.of() : template.getSpec().getContainers();
        for (Container container : containers) {
            if (container.getLivenessProbe() == null) {
                findings.add("container " + container.getName() + " has no liveness probe");
            }
            if (container.getReadinessProbe() == null) {
                findings.add("container " + container.getName() + " has no readiness probe");
            }
        }
        Map<String, String> podLabels = template == null || template.getMetadata() == null
                ? Map.of() : Optional.ofNullable(template.getMetadata().getLabels()).orElse(Map.of());
        if (budgets.stream().noneMatch(budget -> covers(budget.getSpec().getSelector(), podLabels))) {
            findings.add("no PodDisruptionBudget");
        }
        return new WorkloadAudit(namespace, kind, name, List.copyOf(findings));
    }

    private static boolean covers(LabelSelector selector, Map<String, String> podLabels) {
        if (selector == null || selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
            return false;
        }
        return podLabels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}
