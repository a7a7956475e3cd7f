package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.velero.Velero;
import java.util.List;

/** What a freshly built site holds before any test touches it: CRDs, system namespaces and ready nodes. */
final class ClusterSeed {

    static final int NODES = 3;
    private static final String CRD_API_VERSION = "apiextensions.k8s.io/v1";
    private static final List<String> NAMESPACES = List.of("default", "kube-system", Velero.DEFAULT_NAMESPACE);

    private ClusterSeed() {
    }

    static void seed(KubernetesClient client, String siteId, String createdAt) {
        // Generic, not fabric8's typed CRD: the schemas reach the site exactly as the upstream files write them.
        for (GenericKubernetesResource crd : CustomResources.installedOnEverySite()) {
            client.genericKubernetesResources(CRD_API_VERSION, "CustomResourceDefinition").resource(crd).create();
        }
        for (String namespace : NAMESPACES) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
                    .withNewStatus().withPhase("Active").endStatus().build()).create();
        }
        for (int i = 1; i <= NODES; i++) {
            client.nodes().resource(new NodeBuilder()
                    .withNewMetadata()
                    .withName("site-" + siteId + "-node-" + i)
                    .addToLabels("topology.kubernetes.io/zone", "site-" + siteId)
                    .endMetadata()
                    .withNewStatus()
                    .addNewCondition()
                    .withType("Ready").withStatus("True").withReason("KubeletReady")
                    .withLastTransitionTime(createdAt)
                    .endCondition()
                    .endStatus()
                    .build()).create();
        }
    }
}
