package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaPropsBuilder;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pra.testkit.k8s.schema.CustomResourceDefinitions;
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

    /**
     * The CRDs of a site as infra/ installs it, from the test kit's copies of the upstream files (Velero, ExternalDNS,
     * Strimzi, prometheus-operator: see {@code crds/README.md}), each as its release ships it: the fake site serves
     * their versions and subresources and validates objects against their schemas.
     */
    static List<GenericKubernetesResource> installedOnEverySite() {
        return Vendored.DEFINITIONS.stream()
                .map(definition -> Serialization.jsonMapper().convertValue(definition.document(), GenericKubernetesResource.class))
                .toList();
    }

    /** The vendored CRDs, read once per JVM: every site installs the same ones. */
    private static final class Vendored {
        static final List<CustomResourceDefinitions.Definition> DEFINITIONS =
                List.copyOf(CustomResourceDefinitions.vendored().all());
    }

    /**
     * A structural CRD that accepts any fields ({@code x-kubernetes-preserve-unknown-fields} at the root), for a kind
     * a test makes up: enough to route, discover and store it, nothing validated.
     */
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
}
