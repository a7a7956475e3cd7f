package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.velero.Backup;
import io.pra.velero.Velero;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FakeSiteIT {

    private FakeSite site;

    @BeforeEach
    void startSite() {
        SiteFixtures.quietClientLogs();
        site = FakeSite.create("a").enforce(RbacPolicy.shipped("site-a")).start();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void servesVeleroKindsBuiltInKindsAndGenericCustomResources() {
        KubernetesClient client = site.client();
        Backup backup = SiteFixtures.backup("b1");

        client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).resource(backup).create();
        client.genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace("default")
                .resource(dnsEndpoint("shop")).create();

        assertThat(client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName("b1").get()
                .getSpec().getIncludedNamespaces()).containsExactly("shop");
        assertThat(client.genericKubernetesResources("externaldns.k8s.io/v1alpha1", "DNSEndpoint")
                .inNamespace("default").withName("shop").get()).isNotNull();
        assertThat(client.namespaces().withName(Velero.DEFAULT_NAMESPACE).get()).isNotNull();
        assertThat(client.nodes().list().getItems()).hasSize(3)
                .allSatisfy(node -> assertThat(readyCondition(node)).isEqualTo("True"));
        assertThat(client.apiextensions().v1().customResourceDefinitions().withName("backups.velero.io").get())
                .isNotNull();
    }

    @Test
    void servesCustomResourceKindsRegisteredLater() {
        CustomResourceDefinitionContext widgets = new CustomResourceDefinitionContext.Builder()
                .withGroup("example.com").withVersion("v1").withKind("Widget").withPlural("widgets")
                .withScope("Namespaced").build();

        site.registerCustomResource(widgets, false);
        site.client().genericKubernetesResources(widgets).inNamespace("default").resource(
                new GenericKubernetesResourceBuilder().withApiVersion("example.com/v1").withKind("Widget")
                        .withNewMetadata().withName("w1").endMetadata().build()).create();

        assertThat(site.client().genericKubernetesResources("example.com/v1", "Widget").inNamespace("default")
                .list().getItems()).extracting(w -> w.getMetadata().getName()).containsExactly("w1");
    }

    @Test
    void informersReceiveAddUpdateAndDeleteEvents() {
        List<String> events = new CopyOnWriteArrayList<>();
        KubernetesClient client = site.client();
        try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("default")
                .inform(recording(events))) {
            client.configMaps().inNamespace("default").resource(configMap("settings", "v1")).create();
            client.configMaps().inNamespace("default").withName("settings")
                    .edit(cm -> new ConfigMapBuilder(cm).addToData("k", "v2").build());
            client.configMaps().inNamespace("default").withName("settings").delete();

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> events.containsAll(List.of("add settings", "update settings", "delete settings")));
            assertThat(informer.hasSynced()).isTrue();
        }
    }

    @Test
    void downRefusesConnectionsAndRecoverKeepsPortAndData() {
        KubernetesClient client = site.client();
        client.configMaps().inNamespace("default").resource(configMap("before", "1")).create();
        int port = site.port();

        site.outage(OutageKind.DOWN);

        assertThat(site.currentOutage()).contains(OutageKind.DOWN);
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1_000))
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> client.configMaps().inNamespace("default").withName("before").get())
                .isInstanceOf(KubernetesClientException.class);

        site.recover();

        assertThat(site.port()).isEqualTo(port);
        assertThat(site.isServing()).isTrue();
        assertThat(client.configMaps().inNamespace("default").withName("before").get().getData())
                .containsEntry("k", "1");
    }

    @Test
    void informerStartedBeforeAnOutageResumesAfterRecovery() {
        List<String> events = new CopyOnWriteArrayList<>();
        KubernetesClient client = site.client();
        try (SharedIndexInformer<ConfigMap> informer = client.configMaps().inNamespace("default")
                .inform(recording(events))) {
            site.outage(OutageKind.DOWN);
            site.recover();
            client.configMaps().inNamespace("default").resource(configMap("after", "1")).create();

            await().atMost(Duration.ofSeconds(20)).until(() -> events.contains("add after"));
            assertThat(informer.getStore().getByKey("default/after")).isNotNull();
        }
    }

    @Test
    void unavailableAnswers503AndRecoverServesTheSameData() throws Exception {
        site.client().configMaps().inNamespace("default").resource(configMap("kept", "1")).create();

        site.outage(OutageKind.UNAVAILABLE);

        HttpResponse<String> response = rawGet("/api/v1/namespaces/default/configmaps/kept");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("ServiceUnavailable");
        assertThatThrownBy(() -> site.client().configMaps().inNamespace("default").withName("kept").get())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(503));

        site.recover();

        assertThat(rawGet("/api/v1/namespaces/default/configmaps/kept").statusCode()).isEqualTo(200);
        assertThat(rawGet("/readyz").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherClientReachesTheSiteThroughTheKubeconfig(@TempDir Path dir) {
        site.client().configMaps().inNamespace("default").resource(configMap("shared", "1")).create();
        Path kubeconfig = site.writeKubeconfig(dir.resolve("site-a.kubeconfig"));
        List<String> events = new CopyOnWriteArrayList<>();

        // A client built from the kubeconfig keeps fabric8's defaults (HTTP/2 allowed), as a service's would.
        Config config = Config.fromKubeconfig(kubeconfig.toFile());
        try (KubernetesClient other = new KubernetesClientBuilder().withConfig(config).build();
                SharedIndexInformer<ConfigMap> informer = other.configMaps().inNamespace("default")
                        .inform(recording(events))) {
            assertThat(other.getConfiguration().getNamespace()).isEqualTo(Velero.DEFAULT_NAMESPACE);
            assertThat(other.configMaps().inNamespace("default").withName("shared").get()).isNotNull();
            site.client().configMaps().inNamespace("default").resource(configMap("seen", "1")).create();
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("add seen"));
        }
    }

    @Test
    void theScaleSubresourceReadsAndChangesOnlyTheReplicas() {
        SampleApp.install(site);
        var web = site.client().apps().deployments().inNamespace(SampleApp.SHOP).withName("web");
        String image = web.get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();

        Scale scale = web.scale();
        Scale changed = web.scale(new ScaleBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(0).endSpec().build());

        assertThat(scale.getApiVersion()).isEqualTo("autoscaling/v1");
        assertThat(scale.getKind()).isEqualTo("Scale");
        assertThat(scale.getSpec().getReplicas()).isEqualTo(2);
        assertThat(scale.getStatus().getReplicas()).isEqualTo(2);
        assertThat(scale.getStatus().getSelector()).isEqualTo("app=web");
        assertThat(changed.getSpec().getReplicas()).isZero();
        assertThat(web.get().getSpec().getReplicas()).isZero();
        assertThat(web.get().getSpec().getTemplate().getSpec().getContainers().get(0).getImage()).isEqualTo(image);
        assertThat(web.get().getStatus().getReadyReplicas()).as("no controller: status unchanged").isEqualTo(2);
        assertThatThrownBy(() -> web.scale(new ScaleBuilder().withNewMetadata().withName("web")
                .withResourceVersion("1").endMetadata().withNewSpec().withReplicas(3).endSpec().build()))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
        assertThat(site.client().apps().statefulSets().inNamespace(SampleApp.PAYMENTS).withName("ledger").scale(1)
                .getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void deletingANamespaceDeletesWhatItHolds() {
        SampleApp.install(site);
        KubernetesClient client = site.client();
        client.genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace(SampleApp.SHOP)
                .resource(dnsEndpoint("shop")).create();

        client.namespaces().withName(SampleApp.SHOP).delete();

        assertThat(client.namespaces().withName(SampleApp.SHOP).get()).isNull();
        assertThat(client.apps().deployments().inNamespace(SampleApp.SHOP).list().getItems()).isEmpty();
        assertThat(client.configMaps().inNamespace(SampleApp.SHOP).list().getItems()).isEmpty();
        assertThat(client.secrets().inNamespace(SampleApp.SHOP).list().getItems()).isEmpty();
        assertThat(client.services().inNamespace(SampleApp.SHOP).list().getItems()).isEmpty();
        assertThat(client.genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace(SampleApp.SHOP)
                .list().getItems()).isEmpty();
        assertThat(client.apps().deployments().inNamespace(SampleApp.PAYMENTS).list().getItems())
                .as("other namespaces keep theirs").hasSize(1);
    }

    private HttpResponse<String> rawGet(String path) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        return http.send(HttpRequest.newBuilder(URI.create(site.url() + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + site.token()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String readyCondition(Node node) {
        return node.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .findFirst().orElseThrow().getStatus();
    }

    private static ConfigMap configMap(String name, String value) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().addToData("k", value).build();
    }

    private static GenericKubernetesResource dnsEndpoint(String name) {
        return new GenericKubernetesResourceBuilder()
                .withApiVersion("externaldns.k8s.io/v1alpha1")
                .withKind("DNSEndpoint")
                .withNewMetadata().withName(name).endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("endpoints", List.of(Map.of(
                        "dnsName", "shop.example.com", "recordType", "A", "targets", List.of("10.0.0.2"))))))
                .build();
    }

    private static <T extends io.fabric8.kubernetes.api.model.HasMetadata> ResourceEventHandler<T> recording(
            List<String> events) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj) {
                events.add("add " + obj.getMetadata().getName());
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                if (!oldObj.getMetadata().getResourceVersion().equals(newObj.getMetadata().getResourceVersion())) {
                    events.add("update " + newObj.getMetadata().getName());
                }
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                events.add("delete " + obj.getMetadata().getName());
            }
        };
    }
}
