package io.pra.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.events.health.CheckKind;
import io.pra.events.health.HealthDegraded;
import io.pra.events.health.Severity;
import io.pra.events.health.SiteDown;
import io.pra.testkit.site.FakeSite;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The HA readiness audit flags a single-replica Deployment without probes and stays quiet about a compliant one. */
@QuarkusTest
@WithTestResource(value = HealthTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AuditIT {

    private static final String SITE = "fake";
    private static final String NS = HealthFixtures.AUDIT_NAMESPACE;

    @Targets
    FakeSite site;

    @AfterEach
    void everyCallWasAllowed() {
        site.authorizations().assertNoneRefused("site " + site.id());
    }

    @Test
    void flagsASingleReplicaDeploymentWithoutProbesAndNotACompliantOne() {
        KubernetesClient client = site.client();
        try (HealthTopic topic = new HealthTopic()) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
                    .createOr(existing -> existing.update());
            client.policy().v1().podDisruptionBudget().inNamespace(NS).resource(new PodDisruptionBudgetBuilder()
                    .withNewMetadata().withName("compliant").endMetadata()
                    .withNewSpec().withNewMinAvailable(1).withNewSelector().addToMatchLabels("app", "compliant").endSelector()
                    .endSpec().build()).createOr(existing -> existing.update());
            client.apps().deployments().inNamespace(NS).resource(HealthFixtures.deployment("compliant", 2, true))
                    .createOr(existing -> existing.update());
            client.apps().deployments().inNamespace(NS).resource(HealthFixtures.deployment("single", 1, false))
                    .createOr(existing -> existing.update());

            await().atMost(Duration.ofSeconds(30)).until(() -> degraded(topic).size() == 1);
            HealthDegraded finding = degraded(topic).get(0);
            assertThat(finding.checkId()).isEqualTo("ha:payments/Deployment/single");
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.checkKind()).isEqualTo(CheckKind.WORKLOAD);
            assertThat(finding.evidence().error()).contains("fewer than 2 replicas (1)", "container web has no liveness probe",
                    "container web has no readiness probe", "no PodDisruptionBudget");

            List<String> flagged = given().get("/sites/fake/audit").then().statusCode(200).extract()
                    .path("findAll { it.namespace == '" + NS + "' }.name");
            assertThat(flagged).containsExactly("single");
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                    .until(() -> degraded(topic).size() == 1);
            assertThat(topic.events(SiteDown.class, SITE)).as("audit findings never vote").isEmpty();
        }
    }

    private static List<HealthDegraded> degraded(HealthTopic topic) {
        // Only this test's namespace: the audit also covers shop, where other tests put workloads.
        return topic.events(HealthDegraded.class, SITE).stream().filter(event -> event.checkId().startsWith("ha:" + NS + "/"))
                .toList();
    }
}
