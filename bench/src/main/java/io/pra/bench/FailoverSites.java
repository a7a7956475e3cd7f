package io.pra.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.testkit.site.FakeSite;
import io.pra.testkit.site.OutageKind;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.velero.SitePair;
import io.pra.testkit.site.velero.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sites A and B of the failover comparison, as in {@code pra drill}: fake Kubernetes API servers with the Velero
 * simulator (restore and workload-readiness delays known), the sample app on A, and on B the ExternalDNS record the
 * cutover switches. Between failovers {@link #resetStandby()} puts B back as it was before the first one, so every
 * run restores and waits for readiness again.
 */
final class FailoverSites implements AutoCloseable {

    static final String DNS_API_VERSION = "externaldns.k8s.io/v1alpha1";
    static final String DNS_KIND = "DNSEndpoint";
    static final String CUTOVER_ENDPOINT = "pra-traffic";
    static final String CUTOVER_NAMESPACE = "default";
    static final String SITE_A_ADDRESS = "10.1.0.10";
    static final String SITE_B_ADDRESS = "10.2.0.10";
    private static final String APP_HOST = "shop.pra-sample.example";

    private final SitePair pair;

    FailoverSites(Duration restoreDuration, Duration workloadReadyDelay) {
        Timings timings = Timings.defaults().withBackupDuration(Duration.ofSeconds(1))
                .withRestoreDuration(restoreDuration).withWorkloadReadyDelay(workloadReadyDelay)
                .withSyncPeriod(Duration.ofSeconds(1));
        pair = SitePair.builder().timings(timings).start();
        SampleApp.install(pair.a());
        pair.b().client().genericKubernetesResources(DNS_API_VERSION, DNS_KIND).inNamespace(CUTOVER_NAMESPACE)
                .resource(dnsEndpoint(SITE_A_ADDRESS)).create();
    }

    FakeSite a() {
        return pair.a();
    }

    FakeSite b() {
        return pair.b();
    }

    /** Site A's API server goes away (connections refused), as in the site-loss drill. */
    void loseSiteA() {
        pair.a().outage(OutageKind.DOWN);
    }

    /**
     * Removes what a restore created in the protected namespaces of site B and points the traffic record back at A.
     * The namespaces stay: the next restore finds them and goes on with a warning, as Velero does.
     */
    void resetStandby() {
        KubernetesClient b = pair.b().client();
        for (String namespace : SampleApp.NAMESPACES) {
            List<HasMetadata> restored = new ArrayList<>();
            restored.addAll(b.apps().deployments().inNamespace(namespace).list().getItems());
            restored.addAll(b.apps().statefulSets().inNamespace(namespace).list().getItems());
            restored.addAll(b.services().inNamespace(namespace).list().getItems());
            restored.addAll(b.configMaps().inNamespace(namespace).list().getItems());
            restored.addAll(b.secrets().inNamespace(namespace).list().getItems());
            restored.addAll(b.persistentVolumeClaims().inNamespace(namespace).list().getItems());
            restored.forEach(item -> b.resource(item).delete());
            if (!b.apps().deployments().inNamespace(namespace).list().getItems().isEmpty()) {
                throw new IllegalStateException("failover bench: restored Deployments still on site b in " + namespace);
            }
        }
        var endpoints = b.genericKubernetesResources(DNS_API_VERSION, DNS_KIND).inNamespace(CUTOVER_NAMESPACE);
        endpoints.withName(CUTOVER_ENDPOINT).delete();
        endpoints.resource(dnsEndpoint(SITE_A_ADDRESS)).create();
    }

    private static GenericKubernetesResource dnsEndpoint(String target) {
        return new GenericKubernetesResourceBuilder().withApiVersion(DNS_API_VERSION).withKind(DNS_KIND)
                .withNewMetadata().withName(CUTOVER_ENDPOINT).withNamespace(CUTOVER_NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpoints", List.of(Map.of("dnsName", APP_HOST,
                        "recordType", "A", "recordTTL", 30, "targets", List.of(target)))))
                .build();
    }

    @Override
    public void close() {
        pair.close();
    }
}
