package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pra.testkit.site.rbac.Decision;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.testkit.site.rbac.UserInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake site enforcing the RBAC PRA ships refuses, over real HTTP and through fabric8 clients, what a real API
 * server with that RBAC would refuse, in the API server's words, and allows what it would allow.
 */
class RbacEnforcementIT {

    private FakeSite site;
    private KubernetesClient failover;
    private KubernetesClient health;

    @BeforeEach
    void startSite() {
        SiteFixtures.quietClientLogs();
        site = FakeSite.create("a").enforce(RbacPolicy.shipped("site-a")).start();
        SampleApp.install(site);
        failover = site.newClient(ServiceAccount.FAILOVER_SERVICE);
        health = site.newClient(ServiceAccount.HEALTH_SERVICE);
    }

    @AfterEach
    void closeSite() {
        failover.close();
        health.close();
        site.close();
    }

    @Test
    void patchingADeploymentsReplicasIsRefusedWithOnlyItsScaleSubresource() {
        var web = failover.apps().deployments().inNamespace(SampleApp.SHOP).withName("web");

        assertThatThrownBy(() -> web.edit(d -> {
            d.getSpec().setReplicas(0);
            return d;
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(403);
            assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
            assertThat(e.getStatus().getMessage()).isEqualTo("deployments.apps \"web\" is forbidden: User "
                    + "\"system:serviceaccount:pra:failover-service\" cannot get resource \"deployments\" in API group "
                    + "\"apps\" in the namespace \"shop\"");
            assertThat(e.getStatus().getDetails().getName()).isEqualTo("web");
            assertThat(e.getStatus().getDetails().getKind()).isEqualTo("deployments");
        });
        web.scale(new ScaleBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(0).endSpec().build());

        assertThat(site.client().apps().deployments().inNamespace(SampleApp.SHOP).withName("web").get().getSpec()
                .getReplicas()).isZero();
        assertThat(site.authorizations().of(ServiceAccount.FAILOVER_SERVICE)).extracting(Decision::toString)
                .containsExactly("refused: system:serviceaccount:pra:failover-service get deployments.apps \"web\" "
                                + "in namespace shop",
                        "allowed: system:serviceaccount:pra:failover-service update deployments.apps/scale \"web\" in "
                                + "namespace shop by RoleBinding \"pra-failover-fence/shop\" of ClusterRole "
                                + "\"pra-failover-fence\" to ServiceAccount \"failover-service/pra\", rule 0");
    }

    @Test
    void anEditOfTheReplicasIsRefusedToAnAccountThatMayReadDeploymentsAndUpdateOnlyTheirScale() {
        ServiceAccount fencer = new ServiceAccount("pra", "fencer");
        RbacPolicy scaleOnly = RbacPolicy.of(List.of(
                new RoleBuilder().withNewMetadata().withNamespace(SampleApp.SHOP).withName("fence").endMetadata()
                        .addNewRule().withApiGroups("apps").withResources("deployments").withVerbs("get").endRule()
                        .addNewRule().withApiGroups("apps").withResources("deployments/scale").withVerbs("update")
                        .endRule().build(),
                new RoleBindingBuilder().withNewMetadata().withNamespace(SampleApp.SHOP).withName("fence")
                        .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "Role", "fence")
                        .addNewSubject().withKind("ServiceAccount").withNamespace("pra").withName("fencer")
                        .endSubject().build()));
        try (FakeSite strict = FakeSite.create("x").enforce(scaleOnly).start();
                KubernetesClient client = strict.newClient(fencer)) {
            SampleApp.install(strict);

            assertThatThrownBy(() -> client.apps().deployments().inNamespace(SampleApp.SHOP).withName("web")
                    .edit(d -> {
                        d.getSpec().setReplicas(0);
                        return d;
                    })).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                        assertThat(e.getCode()).isEqualTo(403);
                        assertThat(e.getStatus().getMessage()).isEqualTo("deployments.apps \"web\" is forbidden: "
                                + "User \"system:serviceaccount:pra:fencer\" cannot patch resource \"deployments\" "
                                + "in API group \"apps\" in the namespace \"shop\"");
                    });
            // scale(0) would first GET the Scale, which this Role does not allow either: PUT one, as SourceFence does.
            client.apps().deployments().inNamespace(SampleApp.SHOP).withName("web").scale(new ScaleBuilder()
                    .withNewMetadata().withName("web").endMetadata().withNewSpec().withReplicas(0).endSpec().build());

            assertThat(strict.client().apps().deployments().inNamespace(SampleApp.SHOP).withName("web").get()
                    .getSpec().getReplicas()).isZero();
        }
    }

    @Test
    void aPatchOfTheDeploymentItselfIsRefusedAsAPatch() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(site.url() + "/apis/apps/v1/namespaces/shop/deployments/web"))
                        .header("Authorization", "Bearer " + site.token(ServiceAccount.FAILOVER_SERVICE))
                        .header("Content-Type", "application/merge-patch+json")
                        .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"spec\":{\"replicas\":0}}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},"
                + "\"status\":\"Failure\",\"message\":\"deployments.apps \\\"web\\\" is forbidden: User "
                + "\\\"system:serviceaccount:pra:failover-service\\\" cannot patch resource \\\"deployments\\\" in "
                + "API group \\\"apps\\\" in the namespace \\\"shop\\\"\",\"reason\":\"Forbidden\","
                + "\"details\":{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":403}");
        assertThat(site.client().apps().deployments().inNamespace(SampleApp.SHOP).withName("web").get().getSpec()
                .getReplicas()).isEqualTo(2);
    }

    @Test
    void aMissingOrUnknownTokenIsUnauthorized() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(site.url() + "/api/v1/namespaces")).build();
        HttpRequest unknown = HttpRequest.newBuilder(URI.create(site.url() + "/api/v1/namespaces"))
                .header("Authorization", "Bearer fake-token-site-a").build();
        Config stranger = new ConfigBuilder(Config.empty()).withMasterUrl(site.url()).withOauthToken("nobody")
                .withRequestRetryBackoffLimit(0).build();

        for (HttpRequest request : List.of(anonymous, unknown)) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"kind\":\"Status\"", "\"reason\":\"Unauthorized\"");
        }
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(stranger).build()) {
            assertThatThrownBy(() -> client.namespaces().list()).isInstanceOfSatisfying(
                    KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(401));
        }
    }

    @Test
    void watchesAreAuthorizedAsWatchesAndListsAsLists() {
        assertThat(health.apps().deployments().inNamespace(SampleApp.SHOP).list().getItems()).hasSize(2);
        assertThatThrownBy(() -> health.apps().deployments().inNamespace(SampleApp.SHOP).watch(ignoring()))
                .isInstanceOf(KubernetesClientException.class);
        try (Watch watch = failover.apps().deployments().inNamespace("drill-shop").watch(ignoring())) {
            assertThat(watch).isNotNull();
        }

        assertThat(site.authorizations().of(ServiceAccount.HEALTH_SERVICE))
                .extracting(d -> d.request().verb() + " " + d.allowed())
                .containsExactly("list true", "watch false");
        assertThat(site.authorizations().of(ServiceAccount.FAILOVER_SERVICE))
                .extracting(d -> d.request().verb() + " " + d.request().namespace() + " " + d.allowed())
                .containsExactly("watch drill-shop true");
    }

    @Test
    void resourceNamesLimitTheCutoverToItsOwnDnsEndpoint() {
        site.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("pra").endMetadata()
                .build()).create();
        for (String name : List.of("pra-traffic", "other")) {
            site.client().genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace("pra")
                    .resource(new GenericKubernetesResourceBuilder().withApiVersion("externaldns.k8s.io/v1alpha1")
                            .withKind("DNSEndpoint").withNewMetadata().withName(name).endMetadata()
                            .addToAdditionalProperties("spec", Map.of("endpoints", List.of())).build()).create();
        }
        var endpoints = failover.genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace("pra");

        assertThat(endpoints.withName("pra-traffic").get()).isNotNull();
        assertThatThrownBy(() -> endpoints.withName("other").get()).isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(endpoints::list).as("a list names no object").isInstanceOfSatisfying(
                KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void discoveryAndHealthAreOpenToEveryAccountAndEverythingToTheAdmin() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> readyz = http.send(HttpRequest.newBuilder(URI.create(site.url() + "/readyz"))
                .header("Authorization", "Bearer " + site.token(ServiceAccount.BACKUP_SERVICE)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(readyz.statusCode()).isEqualTo(200);
        assertThat(site.client().secrets().inNamespace(SampleApp.SHOP).list().getItems()).hasSize(1);
        assertThat(site.authorizations().decisions()).filteredOn(d -> d.user().equals(UserInfo.ADMIN))
                .allMatch(Decision::allowed);
        assertThatThrownBy(() -> health.secrets().inNamespace(SampleApp.SHOP).list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    @Test
    void aDrillCleanupDeletesItsNamespaceAndWithItTheRestoredWorkloads() {
        site.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("drill-shop")
                .endMetadata().build()).create();
        Deployment copy = site.client().apps().deployments().inNamespace(SampleApp.SHOP).withName("web").get();
        copy.getMetadata().setNamespace("drill-shop");
        copy.getMetadata().setResourceVersion(null);
        site.client().apps().deployments().inNamespace("drill-shop").resource(copy).create();

        failover.namespaces().withName("drill-shop").delete();

        assertThat(site.client().namespaces().withName("drill-shop").get()).isNull();
        assertThat(site.client().apps().deployments().inNamespace("drill-shop").list().getItems()).isEmpty();
        assertThatThrownBy(() -> failover.apps().deployments().inNamespace("drill-shop").delete())
                .as("deleting workloads one kind at a time is not granted").isInstanceOfSatisfying(
                        KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    private static Watcher<Deployment> ignoring() {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, Deployment resource) {
                // The test looks at the decision, not the events.
            }

            @Override
            public void onClose(WatcherException cause) {
                // Closed by the test.
            }
        };
    }
}
