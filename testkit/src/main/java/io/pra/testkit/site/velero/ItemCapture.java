package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.velero.BackupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads from the site the objects a Backup takes: the namespaces it covers and, in them, the kinds an
 * application is made of. Velero takes every kind; these are the ones PRA's workloads use.
 */
final class ItemCapture {

    /** Listed in Velero's restore priority order, so a restore replays them in a workable order. */
    private static final List<BiFunction<KubernetesClient, String, List<? extends HasMetadata>>> KINDS = List.of(
            (client, ns) -> client.secrets().inNamespace(ns).list().getItems(),
            (client, ns) -> client.configMaps().inNamespace(ns).list().getItems(),
            (client, ns) -> client.persistentVolumeClaims().inNamespace(ns).list().getItems(),
            (client, ns) -> client.services().inNamespace(ns).list().getItems(),
            (client, ns) -> client.apps().statefulSets().inNamespace(ns).list().getItems(),
            (client, ns) -> client.apps().deployments().inNamespace(ns).list().getItems());

    private final KubernetesClient client;

    ItemCapture(KubernetesClient client) {
        this.client = client;
    }

    List<HasMetadata> capture(BackupSpec spec) {
        boolean bySelector = ItemFilters.hasLabelSelection(spec.getLabelSelector(), spec.getOrLabelSelectors());
        List<HasMetadata> captured = new ArrayList<>();
        for (Namespace namespace : client.namespaces().list().getItems()) {
            String name = namespace.getMetadata().getName();
            if (!ItemFilters.namespaceIncluded(name, spec.getIncludedNamespaces(), spec.getExcludedNamespaces())) {
                continue;
            }
            List<HasMetadata> inNamespace = new ArrayList<>();
            for (var kind : KINDS) {
                for (HasMetadata item : kind.apply(client, name)) {
                    if (ItemFilters.resourceIncluded(item, spec.getIncludedResources(), spec.getExcludedResources())
                            && ItemFilters.labelsSelected(item, spec.getLabelSelector(), spec.getOrLabelSelectors())) {
                        inNamespace.add(clean(item));
                    }
                }
            }
            // Like Velero, a namespace is taken along with the objects selected in it.
            if ((!bySelector || !inNamespace.isEmpty())
                    && ItemFilters.resourceIncluded(namespace, spec.getIncludedResources(), spec.getExcludedResources())) {
                captured.add(clean(namespace));
            }
            captured.addAll(inNamespace);
        }
        return captured;
    }

    private static HasMetadata clean(HasMetadata item) {
        item.getMetadata().setManagedFields(null);
        return item;
    }
}
