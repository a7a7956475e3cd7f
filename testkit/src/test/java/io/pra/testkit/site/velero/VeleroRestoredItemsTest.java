package io.pra.testkit.site.velero;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.pra.velero.RestoreSpec;
import io.pra.velero.VeleroLabels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VeleroRestoredItemsTest {

    private final Deployment web = new DeploymentBuilder()
            .withNewMetadata().withName("web").withNamespace("shop").withUid("u-1").withResourceVersion("42")
            .addToLabels("app", "web").endMetadata()
            .withNewSpec().withReplicas(2).endSpec()
            .withNewStatus().withReadyReplicas(2).endStatus()
            .build();

    @Test
    void restoredObjectMovesToItsMappedNamespaceWithVeleroLabelsAndNoSourceState() {
        RestoreSpec spec = new RestoreSpec();
        spec.setNamespaceMapping(Map.of("shop", "drill-shop"));

        Deployment restored = (Deployment) RestoredItems.prepare(web, spec, "nightly-1", "drill-1");

        assertThat(restored.getMetadata().getNamespace()).isEqualTo("drill-shop");
        assertThat(restored.getMetadata().getLabels()).containsEntry("app", "web")
                .containsEntry(VeleroLabels.BACKUP_NAME, "nightly-1")
                .containsEntry(VeleroLabels.RESTORE_NAME, "drill-1");
        assertThat(restored.getMetadata().getUid()).isNull();
        assertThat(restored.getMetadata().getResourceVersion()).isNull();
        assertThat(restored.getStatus()).isNull();
        assertThat(restored.getSpec().getReplicas()).isEqualTo(2);
        // The backed-up object itself is untouched, so a retried restore starts from the same data.
        assertThat(web.getMetadata().getNamespace()).isEqualTo("shop");
        assertThat(web.getStatus()).isNotNull();
    }

    @Test
    void namespaceObjectsAreRenamedByTheMapping() {
        RestoreSpec spec = new RestoreSpec();
        spec.setNamespaceMapping(Map.of("shop", "drill-shop"));

        HasMetadata restored = RestoredItems.prepare(
                new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(), spec, "b", "r");

        assertThat(restored.getMetadata().getName()).isEqualTo("drill-shop");
        assertThat(restored.getMetadata().getNamespace()).isNull();
    }

    @Test
    void servicesLoseTheirClusterIpAndNodePortsUnlessAskedToKeepThem() {
        Service service = new ServiceBuilder().withNewMetadata().withName("web").withNamespace("shop").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.20").addNewPort().withPort(80).withNodePort(30080).endPort()
                .endSpec().build();

        Service restored = (Service) RestoredItems.prepare(service, new RestoreSpec(), "b", "r");
        RestoreSpec preserving = new RestoreSpec();
        preserving.setPreserveNodePorts(true);
        Service preserved = (Service) RestoredItems.prepare(service, preserving, "b", "r");

        assertThat(restored.getSpec().getClusterIP()).isNull();
        assertThat(restored.getSpec().getPorts().get(0).getNodePort()).isNull();
        assertThat(preserved.getSpec().getPorts().get(0).getNodePort()).isEqualTo(30080);
    }

    @Test
    void selectionHonoursNamespacesResourcesAndLabels() {
        List<HasMetadata> items = List.of(
                new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build(),
                web,
                new ConfigMapBuilder().withNewMetadata().withName("settings").withNamespace("shop").endMetadata()
                        .build(),
                new DeploymentBuilder().withNewMetadata().withName("worker").withNamespace("billing")
                        .addToLabels("app", "worker").endMetadata().build());
        RestoreSpec shopOnly = new RestoreSpec();
        shopOnly.setIncludedNamespaces(List.of("shop"));
        RestoreSpec deploymentsOnly = new RestoreSpec();
        deploymentsOnly.setIncludedResources(List.of("deployments.apps"));
        RestoreSpec webOnly = new RestoreSpec();
        webOnly.setLabelSelector(new LabelSelectorBuilder().addNewMatchExpression().withKey("app")
                .withOperator("In").withValues("web").endMatchExpression().build());

        assertThat(names(RestoredItems.select(items, shopOnly))).containsExactly("shop", "web", "settings");
        assertThat(names(RestoredItems.select(items, deploymentsOnly))).containsExactly("shop", "web", "worker");
        assertThat(names(RestoredItems.select(items, webOnly))).containsExactly("shop", "web");
    }

    @Test
    void excludeFromBackupLabelWinsOverSelectors() {
        Deployment excluded = new DeploymentBuilder(web).editMetadata()
                .addToLabels(VeleroLabels.EXCLUDE_FROM_BACKUP, "true").endMetadata().build();

        assertThat(ItemFilters.labelsSelected(excluded, null, null)).isFalse();
        assertThat(ItemFilters.labelsSelected(web, null, null)).isTrue();
    }

    private static List<String> names(List<HasMetadata> items) {
        return items.stream().map(item -> item.getMetadata().getName()).toList();
    }
}
