package io.pra.health.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.pra.health.domain.CheckSpec;
import io.pra.health.domain.ProbeOutcome;
import io.pra.health.domain.ProbeTarget;
import io.pra.health.service.Prober;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes API readiness ({@code /readyz}, asynchronously), node readiness and workload availability (listed on the
 * site's own threads).
 */
public final class KubernetesProber implements Prober {

    private final SiteClientPools clients;

    public KubernetesProber(SiteClientPools clients) {
        this.clients = clients;
    }

    @Override
    public Uni<ProbeOutcome> probe(CheckSpec check) {
        SiteClientPools.SiteClient site = clients.site(check.site());
        long start = System.nanoTime();
        if (check.target() instanceof ProbeTarget.KubernetesApi) {
            return readyz(site.client(), start);
        }
        return Uni.createFrom().item(() -> {
            if (check.target() instanceof ProbeTarget.Nodes nodes) {
                return nodes(site.client(), nodes, start);
            }
            return workloads(site.client(), (ProbeTarget.Workload) check.target(), start);
        }).runSubscriptionOn(site.pool());
    }

    private static Uni<ProbeOutcome> readyz(KubernetesClient client, long start) {
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        HttpRequest request = client.getHttpClient().newHttpRequestBuilder().uri(URI.create(base + "/readyz")).build();
        return Uni.createFrom().completionStage(() -> client.getHttpClient().sendAsync(request, String.class))
                .map(response -> response.code() == 200
                        ? ProbeOutcome.pass(response.code(), elapsed(start), "/readyz: " + response.body())
                        : ProbeOutcome.fail(response.code(), elapsed(start), "/readyz answered " + response.code(),
                                response.body()));
    }

    private static ProbeOutcome nodes(KubernetesClient client, ProbeTarget.Nodes target, long start) {
        var nodes = target.labelSelector().isPresent()
                ? client.nodes().withLabelSelector(target.labelSelector().get()).list().getItems()
                : client.nodes().list().getItems();
        List<String> notReady = nodes.stream().filter(node -> !ready(node)).map(node -> node.getMetadata().getName()).toList();
        String detail = (nodes.size() - notReady.size()) + "/" + nodes.size() + " nodes ready";
        if (nodes.isEmpty()) {
            return ProbeOutcome.fail(null, elapsed(start), "no node matches", detail);
        }
        return notReady.isEmpty() ? ProbeOutcome.pass(null, elapsed(start), detail)
                : ProbeOutcome.fail(null, elapsed(start), "not ready: " + String.join(", ", notReady), detail);
    }

    private static boolean ready(Node node) {
        return node.getStatus() != null && node.getStatus().getConditions() != null && node.getStatus().getConditions()
                .stream().anyMatch(condition -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus()));
    }

    private static ProbeOutcome workloads(KubernetesClient client, ProbeTarget.Workload target, long start) {
        List<String> lacking = new ArrayList<>();
        int count = 0;
        for (String namespace : target.namespaces()) {
            for (Deployment deployment : list(client.apps().deployments().inNamespace(namespace), target.labelSelector())) {
                count++;
                int wanted = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
                int ready = deployment.getStatus() == null ? 0 : Optional.ofNullable(deployment.getStatus().getReadyReplicas()).orElse(0);
                if (ready < wanted) {
                    lacking.add(namespace + "/Deployment/" + deployment.getMetadata().getName() + " " + ready + "/" + wanted);
                }
            }
            for (StatefulSet statefulSet : list(client.apps().statefulSets().inNamespace(namespace), target.labelSelector())) {
                count++;
                int wanted = Optional.ofNullable(statefulSet.getSpec().getReplicas()).orElse(1);
                int ready = statefulSet.getStatus() == null ? 0 : Optional.ofNullable(statefulSet.getStatus().getReadyReplicas()).orElse(0);
                if (ready < wanted) {
                    lacking.add(namespace + "/StatefulSet/" + statefulSet.getMetadata().getName() + " " + ready + "/" + wanted);
                }
            }
        }
        String detail = (count - lacking.size()) + "/" + count + " workloads available";
        if (count == 0) {
            return ProbeOutcome.fail(null, elapsed(start), "no Deployment or StatefulSet in " + target.namespaces()
                    + target.labelSelector().map(selector -> " matching " + selector).orElse(""), detail);
        }
        return lacking.isEmpty() ? ProbeOutcome.pass(null, elapsed(start), detail)
                : ProbeOutcome.fail(null, elapsed(start), "ready below wanted: " + String.join(", ", lacking), detail);
    }

    private static <T extends HasMetadata, L extends KubernetesResourceList<T>> List<T> list(
            NonNamespaceOperation<T, L, ?> operation, Optional<String> selector) {
        return selector.isPresent() ? operation.withLabelSelector(selector.get()).list().getItems() : operation.list().getItems();
    }

    static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
