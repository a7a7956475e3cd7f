package io.pra.failover.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.WorkloadStatus;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.testkit.site.rbac.ServiceAccount;

/**
 * VERIFY on a target site enforcing the shipped RBAC, as failover-service: it lists and then watches the workloads of
 * the restored namespaces until they are ready (a StatefulSet that comes up after the Deployments included), and
 * reports what is late when time runs out.
 */
class WorkloadReadinessIT {

    private FakeSite site;
    private KubernetesClient failover;

    @BeforeEach
    void siteWithTheSampleApp() {
        site = FakeSite.create("b").enforce(RbacPolicy.shipped("site-b")).start();
        SampleApp.install(site);
        failover = site.newClient(ServiceAccount.FAILOVER_SERVICE);
    }

    @AfterEach
    void close() {
        failover.close();
        site.authorizations().assertNoneRefused("site b");
        site.close();
    }

    @Test
    void waitsForAStatefulSetThatBecomesReadyAfterTheDeployments() throws Exception {
        setLedgerReady(false);
        CompletableFuture<Optional<String>> verified = CompletableFuture.supplyAsync(() -> awaitReady(
                Duration.ofSeconds(20)));

        // The wait has reached the StatefulSets once it watches them.
        await().atMost(Duration.ofSeconds(10)).until(() -> site.authorizations().of(ServiceAccount.FAILOVER_SERVICE)
                .stream().anyMatch(d -> d.request().verb().equals("watch")
                        && d.request().resource().equals("statefulsets")));
        assertThat(verified).isNotDone();
        setLedgerReady(true);

        assertThat(verified.get(20, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void namesTheNamespacesStillNotReadyWhenTimeRunsOut() {
        setLedgerReady(false);

        assertThat(awaitReady(Duration.ofSeconds(1))).contains("workloads not ready within PT1S in "
                + SampleApp.PAYMENTS);
    }

    private Optional<String> awaitReady(Duration timeout) {
        try {
            return new WorkloadReadiness(failover).awaitReady(List.of(SampleApp.SHOP, SampleApp.PAYMENTS), timeout, () -> { });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void setLedgerReady(boolean ready) {
        site.client().apps().statefulSets().inNamespace(SampleApp.PAYMENTS).withName("ledger").editStatus(s -> {
            s.setStatus(ready ? WorkloadStatus.ready(s) : unready(s));
            return s;
        });
    }

    private static StatefulSetStatus unready(StatefulSet statefulSet) {
        return new StatefulSetStatusBuilder().withReplicas(statefulSet.getSpec().getReplicas()).withReadyReplicas(0)
                .build();
    }
}
