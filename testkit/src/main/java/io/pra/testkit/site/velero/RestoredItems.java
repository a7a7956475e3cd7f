package io.pra.testkit.site.velero;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.pra.velero.RestoreSpec;
import io.pra.velero.VeleroLabels;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns backed-up objects into the objects a Restore creates, the way Velero's restorer rewrites them. */
final class RestoredItems {

    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private RestoredItems() {
    }

    /** The items of a backup that a restore spec selects (namespaces by their name in the backup). */
    static List<HasMetadata> select(List<HasMetadata> items, RestoreSpec spec) {
        return items.stream()
                .filter(item -> ItemFilters.namespaceIncluded(sourceNamespace(item), spec.getIncludedNamespaces(),
                        spec.getExcludedNamespaces()))
                .filter(item -> item instanceof Namespace
                        || ItemFilters.resourceIncluded(item, spec.getIncludedResources(), spec.getExcludedResources()))
                .filter(item -> item instanceof Namespace
                        || ItemFilters.labelsSelected(item, spec.getLabelSelector(), List.of()))
                .toList();
    }

    /** The namespace an item lives in on the restoring site. */
    static String targetNamespace(String source, RestoreSpec spec) {
        Map<String, String> mapping = spec.getNamespaceMapping();
        return mapping == null ? source : mapping.getOrDefault(source, source);
    }

    /**
     * Velero keeps name, labels and annotations, drops what the source cluster assigned (uid, resourceVersion,
     * status, cluster IPs), moves the object to its mapped namespace and labels it with backup and restore.
     */
    static HasMetadata prepare(HasMetadata backedUp, RestoreSpec spec, String backupName, String restoreName) {
        HasMetadata item = JSON.clone(backedUp);
        ObjectMeta original = item.getMetadata();
        Map<String, String> labels = new HashMap<>(original.getLabels() == null ? Map.of() : original.getLabels());
        labels.put(VeleroLabels.BACKUP_NAME, backupName);
        labels.put(VeleroLabels.RESTORE_NAME, restoreName);
        ObjectMeta restored = new ObjectMeta();
        restored.setLabels(labels);
        restored.setAnnotations(original.getAnnotations());
        if (item instanceof Namespace) {
            restored.setName(targetNamespace(original.getName(), spec));
        } else {
            restored.setName(original.getName());
            restored.setNamespace(targetNamespace(original.getNamespace(), spec));
        }
        item.setMetadata(restored);
        if (!(item instanceof Namespace)) {
            // A namespace keeps its Active phase; everything else starts without the status of the source cluster.
            clearStatus(item);
        }
        if (item instanceof Service service) {
            releaseAddresses(service, Boolean.TRUE.equals(spec.getPreserveNodePorts()));
        }
        return item;
    }

    static String sourceNamespace(HasMetadata item) {
        return item instanceof Namespace ? item.getMetadata().getName() : item.getMetadata().getNamespace();
    }

    private static void clearStatus(HasMetadata item) {
        try {
            item.getClass().getMethod("setStatus", item.getClass().getMethod("getStatus").getReturnType())
                    .invoke(item, (Object) null);
        } catch (ReflectiveOperationException e) {
            // Kinds without a status (ConfigMap, Secret) have nothing to clear.
        }
    }

    private static void releaseAddresses(Service service, boolean preserveNodePorts) {
        if (service.getSpec() == null) {
            return;
        }
        // A headless service keeps "None"; any other cluster IP belonged to the source cluster.
        if (!"None".equals(service.getSpec().getClusterIP())) {
            service.getSpec().setClusterIP(null);
            service.getSpec().setClusterIPs(null);
        }
        if (!preserveNodePorts && service.getSpec().getPorts() != null) {
            service.getSpec().getPorts().forEach((ServicePort port) -> port.setNodePort(null));
        }
    }
}
