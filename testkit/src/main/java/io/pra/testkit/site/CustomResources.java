package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.pra.velero.Backup;
import io.pra.velero.BackupStorageLocation;
import io.pra.velero.Restore;
import io.pra.velero.Schedule;
import io.pra.velero.Velero;
import java.util.List;

/** The custom resource kinds every fake site serves, as a cluster with Velero and ExternalDNS installed would. */
public final class CustomResources {

    /** ExternalDNS `DNSEndpoint` (externaldns.k8s.io/v1alpha1), the traffic-switch target of a cutover. */
    public static final CustomResourceDefinitionContext DNS_ENDPOINT = new CustomResourceDefinitionContext.Builder()
            .withGroup("externaldns.k8s.io")
            .withVersion("v1alpha1")
            .withKind("DNSEndpoint")
            .withPlural("dnsendpoints")
            .withScope("Namespaced")
            .build();

    private CustomResources() {
    }

    /** Velero's four kinds PRA drives; only the storage location has a status subresource, as in Velero's CRDs. */
    static List<CustomResourceDefinition> installedOnEverySite() {
        return List.of(
                definition(velero(Backup.KIND, Backup.PLURAL), false),
                definition(velero(Restore.KIND, Restore.PLURAL), false),
                definition(velero(Schedule.KIND, Schedule.PLURAL), false),
                definition(velero(BackupStorageLocation.KIND, BackupStorageLocation.PLURAL), true),
                definition(DNS_ENDPOINT, false));
    }

    /** A structural CRD that accepts any fields, which is all the CRUD mock server needs to route and discover a kind. */
    public static CustomResourceDefinition definition(CustomResourceDefinitionContext kind, boolean statusSubresource) {
        CustomResourceDefinitionBuilder builder = new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName(kind.getPlural() + "." + kind.getGroup()).endMetadata()
                .withNewSpec()
                .withGroup(kind.getGroup())
                .withScope(kind.isNamespaceScoped() ? "Namespaced" : "Cluster")
                .withNewNames()
                .withKind(kind.getKind())
                .withListKind(kind.getKind() + "List")
                .withPlural(kind.getPlural())
                .withSingular(kind.getKind().toLowerCase())
                .endNames()
                .addNewVersion()
                .withName(kind.getVersion())
                .withServed(true)
                .withStorage(true)
                .withNewSchema()
                .withOpenAPIV3Schema(new JSONSchemaPropsBuilder().withType("object")
                        .withXKubernetesPreserveUnknownFields(true).build())
                .endSchema()
                .endVersion()
                .endSpec();
        if (statusSubresource) {
            builder.editSpec().editFirstVersion().withNewSubresources().withNewStatus().endStatus()
                    .endSubresources().endVersion().endSpec();
        }
        return builder.build();
    }

    private static CustomResourceDefinitionContext velero(String kind, String plural) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup(Velero.GROUP)
                .withVersion(Velero.VERSION)
                .withKind(kind)
                .withPlural(plural)
                .withScope("Namespaced")
                .build();
    }
}
