package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.events.PraEvent;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.HealthRecovered;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.OutageKind;
import io.pra.testkit.site.WorkloadStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kubernetes API readiness, node readiness and workload availability on the fake site drive transitions. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class KubernetesChecksIT {

    private static final String SITE = "fake";

    @Targets
    FakeSite site;

    private HealthTopic topic;

    @BeforeEach
    void openTopic() {
        topic = new HealthTopic();
    }

    @AfterEach
    void closeTopic() {
        topic.close();
        site.authorizations().assertNoneRefused("site " + site.id());
    }

    @Test
    void workloadsBelowTheirWantedReplicasDegradeTheWorkloadCheck() {
        KubernetesClient client = site.client();
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(HealthFixtures.WORKLOAD_NAMESPACE)
                .endMetadata().build()).createOr(existing -> existing.update());
        Deployment web = client.apps().deployments().inNamespace(HealthFixtures.WORKLOAD_NAMESPACE)
                .resource(HealthFixtures.deployment("web", 2, false)).createOr(existing -> existing.update());
        WorkloadStatus.markDeploymentReady(client, HealthFixtures.WORKLOAD_NAMESPACE, web.getMetadata().getName());
        await().atMost(Duration.ofSeconds(30)).until(() -> "HEALTHY".equals(status("shop")));

        client.apps().deployments().inNamespace(HealthFixtures.WORKLOAD_NAMESPACE).withName("web").editStatus(deployment -> {
            deployment.getStatus().setReadyReplicas(1);
            return deployment;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthDegraded.class, "shop").size() == 1);
        HealthDegraded degraded = events(HealthDegraded.class, "shop").get(0);
        assertThat(degraded.checkKind()).isEqualTo(CheckKind.WORKLOAD);
        assertThat(degraded.evidence().error()).contains("shop/Deployment/web 1/2");

        WorkloadStatus.markDeploymentReady(client, HealthFixtures.WORKLOAD_NAMESPACE, "web");
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthRecovered.class, "shop").size() == 1);
    }

    @Test
    void aNodeNotReadyDegradesTheNodesCheck() {
        KubernetesClient client = site.client();
        await().atMost(Duration.ofSeconds(30)).until(() -> "HEALTHY".equals(status("nodes")));
        String name = client.nodes().list().getItems().get(0).getMetadata().getName();
        setReady(client, name, "False");
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthDegraded.class, "nodes").size() == 1);
            assertThat(events(HealthDegraded.class, "nodes").get(0).evidence().error()).contains("not ready: " + name);
        } finally {
            setReady(client, name, "True");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthRecovered.class, "nodes").size() == 1);
        assertThat(events(HealthRecovered.class, "nodes").get(0).evidence().detail()).isEqualTo("3/3 nodes ready");
    }

    @Test
    void anUnavailableApiServerDegradesTheKubernetesApiCheck() {
        await().atMost(Duration.ofSeconds(30)).until(() -> "HEALTHY".equals(status("api")));
        site.outage(OutageKind.UNAVAILABLE);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthDegraded.class, "api").size() == 1);
            HealthDegraded degraded = events(HealthDegraded.class, "api").get(0);
            assertThat(degraded.checkKind()).isEqualTo(CheckKind.KUBERNETES_API);
            assertThat(degraded.evidence().statusCode()).isEqualTo(503);
        } finally {
            site.recover();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> events(HealthRecovered.class, "api").size() == 1);
    }

    private static void setReady(KubernetesClient client, String node, String ready) {
        client.nodes().withName(node).editStatus(current -> {
            Node edited = current;
            for (NodeCondition condition : edited.getStatus().getConditions()) {
                if ("Ready".equals(condition.getType())) {
                    condition.setStatus(ready);
                }
            }
            return edited;
        });
    }

    private String status(String check) {
        return given().get("/sites/" + SITE + "/checks").then().statusCode(200).extract()
                .path("find { it.checkId == '" + check + "' }.status");
    }

    private <T extends PraEvent> List<T> events(Class<T> type, String checkId) {
        return topic.events(type, SITE).stream().filter(event -> HealthFixtures.checkIdOf(event).equals(checkId)).toList();
    }
}
