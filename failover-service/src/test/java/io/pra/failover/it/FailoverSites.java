package io.pra.failover.it;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pra.events.backup.BackupOffsiteVerified;
import io.pra.failover.cutover.DnsEndpointSwitch;
import io.pra.failover.k8s.PraAnnotations;
import io.pra.testkit.site.SampleApp;
import io.pra.testkit.site.WorkloadStatus;
import io.pra.testkit.site.velero.Operation;
import io.pra.testkit.site.velero.SitePair;
import io.pra.velero.Backup;
import io.pra.velero.BackupPhase;
import io.pra.velero.BackupSpec;
import io.pra.velero.Timestamps;
import io.pra.velero.Velero;

/**
 * The sites of the running {@link FailoverSitesResource}, for the tests, and what they do on them: a real
 * backup of the sample app on site a synced to b, the DNSEndpoint the cutover switches, and counters of cutovers.
 * The holder is set by one resource's start and cleared by its stop, so no state outlives a test class.
 */
final class FailoverSites {

    /** Where the shipped settings and RBAC have the cutover's DNSEndpoint: namespace pra, name pra-traffic. */
    static final String DNS_NAMESPACE = "pra";
    static final String DNS_NAME = "pra-traffic";
    static final String SOURCE_ADDRESS = "192.0.2.10";
    static final String TARGET_ADDRESS = "198.51.100.20";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static volatile SitePair sites;

    private FailoverSites() {
    }

    static void use(SitePair pair) {
        sites = pair;
    }

    static void clear() {
        sites = null;
    }

    static SitePair sites() {
        return Objects.requireNonNull(sites, "no FailoverSitesResource is running");
    }

    /** Backs the sample app up on site a, waits for it to be Completed and visible on b; returns it. */
    static Backup backupVisibleOnTarget() {
        String name = "shop-" + UUID.randomUUID();
        Backup backup = new Backup();
        backup.getMetadata().setName(name);
        backup.getMetadata().setNamespace(Velero.DEFAULT_NAMESPACE);
        BackupSpec spec = new BackupSpec();
        spec.setIncludedNamespaces(SampleApp.NAMESPACES);
        spec.setStorageLocation(Velero.DEFAULT_STORAGE_LOCATION);
        backup.setSpec(spec);
        sites().a().client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).resource(backup).create();
        await().atMost(WAIT).until(() -> phase(sites().a().client(), name) == BackupPhase.COMPLETED);
        sites().veleroB().syncNow();
        await().atMost(WAIT).until(() -> phase(sites().b().client(), name) == BackupPhase.COMPLETED);
        return sites().b().client().resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
    }

    /** What backup-service publishes once it saw {@code backup} on site b. */
    static BackupOffsiteVerified offsiteVerified(Backup backup, Instant now) {
        return offsiteVerified(backup, now, Duration.ZERO);
    }

    /**
     * The same, for a backup that started {@code earlier} than the fake Velero says: a backup some minutes old at
     * the disaster while the service's clock stays on the broker's (votes are judged against the broker's time).
     */
    static BackupOffsiteVerified offsiteVerified(Backup backup, Instant now, Duration earlier) {
        Instant started = Timestamps.parse(backup.getStatus().getStartTimestamp()).minus(earlier);
        Instant completed = Timestamps.parse(backup.getStatus().getCompletionTimestamp()).minus(earlier);
        return new BackupOffsiteVerified(backup.getMetadata().getName(), "a", "shop", "b", now, "Completed", started,
                completed, null, Velero.DEFAULT_STORAGE_LOCATION, SampleApp.NAMESPACES, SampleApp.ITEM_COUNT,
                SampleApp.ITEM_COUNT, 0, 0);
    }

    /**
     * Undoes a previous run: the sample app serves again on site a (a fence scaled it to zero), what was restored
     * on site b is removed, and the DNSEndpoint points back at site a.
     */
    static void resetSites() {
        KubernetesClient a = sites().a().client();
        for (SampleApp.Workload workload : SampleApp.DEPLOYMENTS) {
            a.apps().deployments().inNamespace(workload.namespace()).withName(workload.name()).edit(d -> {
                d.getSpec().setReplicas(2);
                return d;
            });
            WorkloadStatus.markDeploymentReady(a, workload.namespace(), workload.name());
        }
        for (SampleApp.Workload workload : SampleApp.STATEFUL_SETS) {
            a.apps().statefulSets().inNamespace(workload.namespace()).withName(workload.name()).edit(s -> {
                s.getSpec().setReplicas(2);
                return s;
            });
            WorkloadStatus.markStatefulSetReady(a, workload.namespace(), workload.name());
        }
        KubernetesClient b = sites().b().client();
        for (String namespace : SampleApp.NAMESPACES) {
            b.apps().deployments().inNamespace(namespace).delete();
            b.apps().statefulSets().inNamespace(namespace).delete();
        }
        await().atMost(WAIT).until(() -> SampleApp.NAMESPACES.stream()
                .allMatch(ns -> b.apps().deployments().inNamespace(ns).list().getItems().isEmpty()));
        dnsEndpoint().delete();
        await().atMost(WAIT).until(() -> dnsEndpoint().get() == null);
        b.genericKubernetesResources(DnsEndpointSwitch.DNS_ENDPOINT).inNamespace(DNS_NAMESPACE)
                .resource(new GenericKubernetesResourceBuilder()
                        .withApiVersion("externaldns.k8s.io/v1alpha1").withKind("DNSEndpoint")
                        .withNewMetadata().withName(DNS_NAME).withNamespace(DNS_NAMESPACE).endMetadata()
                        .addToAdditionalProperties("spec", Map.of("endpoints", List.of(
                                Map.of("dnsName", "shop.example.com", "recordType", "A", "recordTTL", 30,
                                        "targets", List.of(SOURCE_ADDRESS)))))
                        .build())
                .create();
        sites().veleroB().faults().clearAll();
        sites().veleroB().faults().release(Operation.RESTORE);
    }

    /** Fails when either site refused failover-service a call: every flow these tests run must be allowed. */
    static void assertNoCallRefused() {
        sites().assertNoCallRefused();
    }

    static Resource<GenericKubernetesResource> dnsEndpoint() {
        return sites().b().client().genericKubernetesResources(DnsEndpointSwitch.DNS_ENDPOINT)
                .inNamespace(DNS_NAMESPACE).withName(DNS_NAME);
    }

    /** The targets of the DNSEndpoint's first record. */
    @SuppressWarnings("unchecked")
    static List<String> dnsTargets() {
        Map<String, Object> spec = (Map<String, Object>) dnsEndpoint().get().getAdditionalProperties().get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");
        return (List<String>) endpoints.get(0).get("targets");
    }

    /** Counts the changes of the DNSEndpoint made by one run: its cutovers. */
    static CutoverCounter countCutovers(UUID failoverId) {
        AtomicInteger count = new AtomicInteger();
        Watch watch = dnsEndpoint().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                if (action == Action.MODIFIED
                        && PraAnnotations.madeBy(resource.getMetadata().getAnnotations(), failoverId)) {
                    count.incrementAndGet();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                // The counter is read after the run; a closed watch shows as a missing count there.
            }
        });
        return new CutoverCounter(count, watch);
    }

    /** Cutovers seen on the DNSEndpoint since the counter started. */
    record CutoverCounter(AtomicInteger count, Watch watch) implements AutoCloseable {
        int cutovers() {
            return count.get();
        }

        @Override
        public void close() {
            watch.close();
        }
    }

    private static BackupPhase phase(KubernetesClient client, String name) {
        Backup backup = client.resources(Backup.class).inNamespace(Velero.DEFAULT_NAMESPACE).withName(name).get();
        return backup == null || backup.getStatus() == null ? null : backup.getStatus().getPhase();
    }
}
