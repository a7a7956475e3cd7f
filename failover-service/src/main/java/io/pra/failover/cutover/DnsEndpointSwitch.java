package io.pra.failover.cutover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.k8s.PraAnnotations;

/**
 * CUTOVER through ExternalDNS: sets the targets of every record of a {@code DNSEndpoint} on the target site to
 * the target's addresses and annotates it with the run. It reads first: an endpoint this run already switched
 * is left alone, so a resumed CUTOVER never switches twice.
 */
public final class DnsEndpointSwitch implements TrafficSwitch {

    /** ExternalDNS's DNSEndpoint kind. */
    public static final ResourceDefinitionContext DNS_ENDPOINT = new ResourceDefinitionContext.Builder()
            .withGroup("externaldns.k8s.io").withVersion("v1alpha1").withKind("DNSEndpoint")
            .withPlural("dnsendpoints").withNamespaced(true).build();

    private final KubernetesClient target;
    private final String namespace;
    private final String name;
    private final List<String> targets;

    public DnsEndpointSwitch(KubernetesClient target, String namespace, String name, List<String> targets) {
        this.target = target;
        this.namespace = namespace;
        this.name = name;
        this.targets = List.copyOf(targets);
    }

    @Override
    public StepVerdict switchTraffic(FailoverRun run) {
        Resource<GenericKubernetesResource> resource = target.genericKubernetesResources(DNS_ENDPOINT)
                .inNamespace(namespace).withName(name);
        GenericKubernetesResource endpoint = resource.get();
        String where = "DNSEndpoint " + namespace + "/" + name;
        if (endpoint == null) {
            return StepVerdict.failed(where + " not found on site " + run.targetSite());
        }
        List<Map<String, Object>> records = records(endpoint);
        if (records.isEmpty()) {
            return StepVerdict.failed(where + " has no records (spec.endpoints is empty)");
        }
        if (PraAnnotations.madeBy(endpoint.getMetadata().getAnnotations(), run.failoverId())
                && records.stream().allMatch(record -> targets.equals(record.get("targets")))) {
            return StepVerdict.succeeded(where + " already points at " + targets);
        }
        resource.edit(live -> {
            List<Map<String, Object>> switched = new ArrayList<>();
            for (Map<String, Object> record : records(live)) {
                Map<String, Object> copy = new HashMap<>(record);
                copy.put("targets", targets);
                switched.add(copy);
            }
            Map<String, Object> spec = new HashMap<>(spec(live));
            spec.put("endpoints", switched);
            live.setAdditionalProperty("spec", spec);
            Map<String, String> annotations = live.getMetadata().getAnnotations() == null ? new HashMap<>()
                    : new HashMap<>(live.getMetadata().getAnnotations());
            annotations.putAll(PraAnnotations.of(run.failoverId(), run.epoch()));
            live.getMetadata().setAnnotations(annotations);
            return live;
        });
        return StepVerdict.succeeded(where + " switched to " + targets + " (" + records.size() + " records)");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource endpoint) {
        Object spec = endpoint.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> records(GenericKubernetesResource endpoint) {
        Object endpoints = spec(endpoint).get("endpoints");
        if (!(endpoints instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(item -> (Map<String, Object>) item).toList();
    }
}
