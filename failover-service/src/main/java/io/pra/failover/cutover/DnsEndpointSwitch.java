package io.pra.failover.cutover;

import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pra.failover.domain.FailoverRun;
import io.pra.failover.domain.SideEffectCheck;
import io.pra.failover.domain.StepVerdict;
import io.pra.failover.k8s.PraAnnotations;

/**
 * CUTOVER through ExternalDNS: sets the targets of every record of a {@code DNSEndpoint} on the target site to
 * the target's addresses and annotates it with the run. It reads first: an endpoint this run already switched
 * is left alone, so a resumed CUTOVER never switches twice, and one a later epoch switched is never overwritten.
 * The write carries the resourceVersion it read, so it cannot silently undo a concurrent change.
 */
public final class DnsEndpointSwitch implements TrafficSwitch {

    private static final int CONFLICT_ATTEMPTS = 3;

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
    public StepVerdict switchTraffic(FailoverRun run, SideEffectCheck check) {
        String where = "DNSEndpoint " + namespace + "/" + name;
        for (int attempt = 1; attempt <= CONFLICT_ATTEMPTS; attempt++) {
            GenericKubernetesResource endpoint = endpoints().withName(name).get();
            if (endpoint == null) {
                return StepVerdict.failed(where + " not found on site " + run.targetSite());
            }
            List<Map<String, Object>> records = records(endpoint);
            if (records.isEmpty()) {
                return StepVerdict.failed(where + " has no records (spec.endpoints is empty)");
            }
            Map<String, String> annotations = endpoint.getMetadata().getAnnotations();
            OptionalLong switchedBy = PraAnnotations.epoch(annotations);
            if (switchedBy.isPresent() && switchedBy.getAsLong() > run.epoch()) {
                return StepVerdict.failed(where + " was switched under epoch " + switchedBy.getAsLong()
                        + ", later than this run's epoch " + run.epoch() + ": left as it is");
            }
            if (PraAnnotations.madeBy(annotations, run.failoverId())
                    && records.stream().allMatch(record -> targets.equals(record.get("targets")))) {
                return StepVerdict.succeeded(where + " already points at " + targets);
            }
            check.confirm();
            try {
                // The resourceVersion read above is the precondition: a concurrent writer makes this a 409.
                endpoints().resource(switched(endpoint, run)).update();
                return StepVerdict.succeeded(where + " switched to " + targets + " (" + records.size()
                        + " records)");
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
            }
        }
        return StepVerdict.failed(where + " kept changing under the switch (" + CONFLICT_ATTEMPTS
                + " conflicting writes)");
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> endpoints() {
        return target.genericKubernetesResources(DNS_ENDPOINT).inNamespace(namespace);
    }

    /** A copy of {@code live} with every record pointing at the targets and the run's annotations. */
    private GenericKubernetesResource switched(GenericKubernetesResource live, FailoverRun run) {
        GenericKubernetesResource copy = Serialization.clone(live);
        List<Map<String, Object>> switched = new ArrayList<>();
        for (Map<String, Object> record : records(copy)) {
            Map<String, Object> updated = new HashMap<>(record);
            updated.put("targets", targets);
            switched.add(updated);
        }
        Map<String, Object> spec = new HashMap<>(spec(copy));
        spec.put("endpoints", switched);
        copy.setAdditionalProperty("spec", spec);
        Map<String, String> annotations = copy.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(copy.getMetadata().getAnnotations());
        annotations.putAll(PraAnnotations.of(run.failoverId(), run.epoch()));
        copy.getMetadata().setAnnotations(annotations);
        return copy;
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
