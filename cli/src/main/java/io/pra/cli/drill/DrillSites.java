package io.pra.cli.drill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.cli.scenario.Scenario;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.OutageKind;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.WorkloadStatus;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.testkit.site.rbac.ServiceAccount;
import io.pra.testkit.site.velero.Fault;
import io.pra.testkit.site.velero.Operation;
import io.pra.testkit.site.velero.SitePair;
import io.pra.testkit.site.velero.Timings;

/**
 * Sites A and B of the drill (fake Kubernetes API servers with the Velero simulator), the sample app on A with a
 * DNSEndpoint pointing at A, and the faults a scenario injects into them. Both sites enforce the RBAC of
 * {@code deploy/} (overlays site-a and site-b): each service process reaches them with its own ServiceAccount's token
 * ({@link #token}), the drill itself and the simulators as the test kit's admin.
 */
final class DrillSites implements AutoCloseable {

    static final String DNS_API_VERSION = "externaldns.k8s.io/v1alpha1";
    static final String DNS_KIND = "DNSEndpoint";
    static final String APP_HOST = "shop.pra-sample.example";
    static final String SITE_A_ADDRESS = "10.1.0.10";
    static final String SITE_B_ADDRESS = "10.2.0.10";
    /** Where the shipped settings and RBAC have the cutover's DNSEndpoint. */
    static final String CUTOVER_ENDPOINT = "pra-traffic";
    static final String CUTOVER_NAMESPACE = "pra";

    private final SitePair pair;
    private final ScheduledExecutorService flapper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "drill-site-flap");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> flapping;

    DrillSites(Scenario.DrillSettings settings) {
        Timings timings = Timings.defaults()
                .withBackupDuration(settings.backupDuration())
                .withRestoreDuration(settings.restoreDuration())
                .withWorkloadReadyDelay(Duration.ofSeconds(1))
                .withSyncPeriod(Duration.ofSeconds(1));
        Path root = DrillCommand.repositoryRoot();
        pair = SitePair.builder().timings(timings)
                .enforceRbac(RbacPolicy.shipped(root, "site-a"), RbacPolicy.shipped(root, "site-b")).start();
        SampleApp.install(pair.a());
        pair.b().client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(CUTOVER_NAMESPACE)
                .endMetadata().build()).create();
        pair.a().client().genericKubernetesResources(DNS_API_VERSION, DNS_KIND).inNamespace(SampleApp.SHOP)
                .resource(dnsEndpoint("shop", SampleApp.SHOP, SITE_A_ADDRESS)).create();
        // The record failover-service's cutover rewrites on the standby site (pra.failover.cutover.dns-endpoint.*).
        pair.b().client().genericKubernetesResources(DNS_API_VERSION, DNS_KIND).inNamespace(CUTOVER_NAMESPACE)
                .resource(dnsEndpoint(CUTOVER_ENDPOINT, CUTOVER_NAMESPACE, SITE_A_ADDRESS)).create();
    }

    private static GenericKubernetesResource dnsEndpoint(String name, String namespace, String target) {
        return new GenericKubernetesResourceBuilder().withApiVersion(DNS_API_VERSION).withKind(DNS_KIND)
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpoints", java.util.List.of(Map.of(
                        "dnsName", APP_HOST, "recordType", "A", "recordTTL", 30, "targets",
                        java.util.List.of(target)))))
                .build();
    }

    FakeSite a() {
        return pair.a();
    }

    FakeSite b() {
        return pair.b();
    }

    SitePair pair() {
        return pair;
    }

    FakeSite site(String id) {
        return "b".equals(id) ? pair.b() : pair.a();
    }

    /** The bearer token {@code account} presents to site {@code siteId}. */
    String token(String siteId, ServiceAccount account) {
        return site(siteId).token(account);
    }

    /** total: the API server is gone; partial: API up, every workload unready; flap: down and up every period. */
    synchronized void outage(String siteId, String kind, Duration period) {
        FakeSite site = site(siteId);
        stopFlapping();
        switch (kind) {
            case "partial" -> setWorkloadsReady(site, false);
            case "flap" -> {
                site.outage(OutageKind.DOWN);
                boolean[] down = {true};
                flapping = flapper.scheduleAtFixedRate(() -> {
                    synchronized (this) {
                        if (down[0]) {
                            site.recover();
                        } else {
                            site.outage(OutageKind.DOWN);
                        }
                        down[0] = !down[0];
                    }
                }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
            }
            default -> site.outage(OutageKind.DOWN);
        }
    }

    synchronized void recover(String siteId) {
        stopFlapping();
        FakeSite site = site(siteId);
        site.recover();
        setWorkloadsReady(site, true);
    }

    private void stopFlapping() {
        if (flapping != null) {
            flapping.cancel(false);
            flapping = null;
        }
    }

    private static void setWorkloadsReady(FakeSite site, boolean ready) {
        KubernetesClient client = site.client();
        for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
            client.apps().deployments().inNamespace(workload.namespace()).withName(workload.name()).editStatus(d -> {
                d.setStatus(ready ? WorkloadStatus.ready(d) : unready(d));
                return d;
            });
        }
    }

    private static io.fabric8.kubernetes.api.model.apps.DeploymentStatus unready(Deployment deployment) {
        return new DeploymentStatusBuilder().withReplicas(deployment.getSpec().getReplicas()).withReadyReplicas(0)
                .withAvailableReplicas(0).withUnavailableReplicas(deployment.getSpec().getReplicas()).build();
    }

    void failBackups(int count) {
        pair.veleroA().faults().inject(Operation.BACKUP, Fault.fail("injected by the drill"), count);
    }

    void restoreFault(String kind, int count) {
        Fault fault = switch (kind) {
            case "fail" -> Fault.fail("injected by the drill");
            case "partial" -> Fault.partiallyFail(2, "injected by the drill");
            case "hang" -> Fault.hang();
            default -> Fault.slow(5);
        };
        pair.veleroB().faults().inject(Operation.RESTORE, fault, count);
    }

    @Override
    public void close() {
        flapper.shutdownNow();
        pair.close();
    }
}
