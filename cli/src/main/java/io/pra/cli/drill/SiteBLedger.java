package io.pra.cli.drill;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pra.testkit.site.FakeSite;
import io.pra.velero.Restore;

/**
 * Watches fake site B for what a failover does there: every Velero {@code Restore} created and every change of a
 * {@code DNSEndpoint}'s records (a cutover), each counted under the {@code pra.io/epoch} annotation of the object.
 * Watching, rather than listing at the end, also counts a restore deleted and made again, or a second cutover
 * rewriting the same object.
 */
final class SiteBLedger implements AutoCloseable {

    static final String EPOCH_ANNOTATION = "pra.io/epoch";

    private final Map<String, Integer> restores = new ConcurrentHashMap<>();
    private final Map<String, Integer> cutovers = new ConcurrentHashMap<>();
    private final Set<String> restoreUids = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<Restore> restoreInformer;
    private final SharedIndexInformer<GenericKubernetesResource> dnsInformer;

    SiteBLedger(FakeSite siteB) {
        var client = siteB.client();
        restoreInformer = client.resources(Restore.class).inAnyNamespace().inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Restore restore) {
                if (restoreUids.add(restore.getMetadata().getUid())) {
                    restores.merge(epoch(restore), 1, Integer::sum);
                }
            }

            @Override
            public void onUpdate(Restore oldObj, Restore newObj) {
                onAdd(newObj);
            }

            @Override
            public void onDelete(Restore restore, boolean unknown) {
                // A deleted restore stays counted.
            }
        });
        dnsInformer = client.genericKubernetesResources(DrillSites.DNS_API_VERSION, DrillSites.DNS_KIND)
                .inAnyNamespace().inform(new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource endpoint) {
                        // Objects the drill seeds, or already there: not a cutover.
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource oldObj, GenericKubernetesResource newObj) {
                        if (!Objects.equals(oldObj.getAdditionalProperties().get("spec"),
                                newObj.getAdditionalProperties().get("spec"))) {
                            cutovers.merge(epoch(newObj), 1, Integer::sum);
                        }
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource endpoint, boolean unknown) {
                        // Nothing to count.
                    }
                });
    }

    Map<String, Integer> restoresPerEpoch() {
        return new TreeMap<>(restores);
    }

    Map<String, Integer> cutoversPerEpoch() {
        return new TreeMap<>(cutovers);
    }

    private static String epoch(HasMetadata object) {
        Map<String, String> annotations = object.getMetadata().getAnnotations();
        String epoch = annotations == null ? null : annotations.get(EPOCH_ANNOTATION);
        return epoch == null ? "none" : epoch;
    }

    @Override
    public void close() {
        restoreInformer.close();
        dnsInformer.close();
    }
}
