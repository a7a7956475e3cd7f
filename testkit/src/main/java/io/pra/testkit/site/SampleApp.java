package io.pra.testkit.site;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;

/**
 * A small protected application in the namespaces PRA's shipped settings protect ({@code shop}, {@code payments}, as
 * in {@code deploy/}): a web front, an API (Deployments) and a session store (StatefulSet) in {@code shop}, a worker
 * (Deployment) and a ledger (StatefulSet) in {@code payments}, each HA (2 replicas, probes), with a Service,
 * ConfigMaps and a Secret; all ready once installed.
 */
public final class SampleApp {

    public static final String SHOP = "shop";
    public static final String PAYMENTS = "payments";
    public static final List<String> NAMESPACES = List.of(SHOP, PAYMENTS);
    public static final String PART_OF_LABEL = "app.kubernetes.io/part-of";
    public static final String PART_OF = "pra-sample";

    /** The Deployments, namespace and name. */
    public static final List<Workload> DEPLOYMENTS = List.of(
            new Workload(SHOP, "web"), new Workload(SHOP, "api"), new Workload(PAYMENTS, "worker"));

    /** The StatefulSets, namespace and name. */
    public static final List<Workload> STATEFUL_SETS = List.of(new Workload(SHOP, "sessions"),
            new Workload(PAYMENTS, "ledger"));

    /**
     * Objects a backup of both namespaces captures: 2 namespaces, 3 Deployments, 2 StatefulSets, 1 Service,
     * 2 ConfigMaps, 1 Secret.
     */
    public static final int ITEM_COUNT = 11;

    private static final int REPLICAS = 2;

    private SampleApp() {
    }

    /** One Deployment of the app. */
    public record Workload(String namespace, String name) {
    }

    /** Installs the app on the site, workloads ready. */
    public static void install(FakeSite site) {
        install(site.client());
    }

    public static void install(KubernetesClient client) {
        for (String namespace : NAMESPACES) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .addToLabels(PART_OF_LABEL, PART_OF).endMetadata()
                    .withNewStatus().withPhase("Active").endStatus().build()).create();
        }
        client.configMaps().inNamespace(SHOP).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("shop-settings").addToLabels(PART_OF_LABEL, PART_OF).endMetadata()
                .addToData("currency", "EUR").build()).create();
        client.configMaps().inNamespace(PAYMENTS).resource(new ConfigMapBuilder().withNewMetadata()
                .withName("payments-settings").addToLabels(PART_OF_LABEL, PART_OF).endMetadata()
                .addToData("invoice-day", "1").build()).create();
        client.secrets().inNamespace(SHOP).resource(new SecretBuilder().withNewMetadata()
                .withName("shop-db").addToLabels(PART_OF_LABEL, PART_OF).endMetadata()
                .addToStringData("url", "postgresql://db.shop.svc:5432/shop").build()).create();
        client.services().inNamespace(SHOP).resource(new ServiceBuilder().withNewMetadata()
                .withName("web").addToLabels(PART_OF_LABEL, PART_OF).endMetadata()
                .withNewSpec().addToSelector("app", "web").withClusterIP("10.96.0.20")
                .addNewPort().withPort(80).withTargetPort(new IntOrString(8080)).endPort()
                .endSpec().build()).create();
        for (Workload workload : DEPLOYMENTS) {
            Deployment created = client.apps().deployments().inNamespace(workload.namespace())
                    .resource(deployment(workload)).create();
            client.apps().deployments().inNamespace(workload.namespace()).withName(workload.name())
                    .editStatus(d -> {
                        d.setStatus(WorkloadStatus.ready(created));
                        return d;
                    });
        }
        for (Workload workload : STATEFUL_SETS) {
            StatefulSet created = client.apps().statefulSets().inNamespace(workload.namespace())
                    .resource(statefulSet(workload)).create();
            client.apps().statefulSets().inNamespace(workload.namespace()).withName(workload.name())
                    .editStatus(s -> {
                        s.setStatus(WorkloadStatus.ready(created));
                        return s;
                    });
        }
    }

    private static Deployment deployment(Workload workload) {
        return new DeploymentBuilder()
                .withNewMetadata().withName(workload.name()).withLabels(labels(workload)).endMetadata()
                .withNewSpec()
                .withReplicas(REPLICAS)
                .withNewSelector().addToMatchLabels("app", workload.name()).endSelector()
                .withTemplate(template(workload))
                .endSpec()
                .build();
    }

    private static StatefulSet statefulSet(Workload workload) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName(workload.name()).withLabels(labels(workload)).endMetadata()
                .withNewSpec()
                .withReplicas(REPLICAS)
                .withServiceName(workload.name())
                .withNewSelector().addToMatchLabels("app", workload.name()).endSelector()
                .withTemplate(template(workload))
                .endSpec()
                .build();
    }

    private static Map<String, String> labels(Workload workload) {
        return Map.of("app", workload.name(), PART_OF_LABEL, PART_OF);
    }

    private static PodTemplateSpec template(Workload workload) {
        return new PodTemplateSpecBuilder()
                .withNewMetadata().withLabels(labels(workload)).endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName(workload.name())
                .withImage("registry.example.com/pra-sample/" + workload.name() + ":1.0")
                .addNewPort().withContainerPort(8080).endPort()
                .withNewReadinessProbe().withNewHttpGet().withPath("/ready").withPort(new IntOrString(8080))
                .endHttpGet().endReadinessProbe()
                .withNewLivenessProbe().withNewHttpGet().withPath("/live").withPort(new IntOrString(8080))
                .endHttpGet().endLivenessProbe()
                .endContainer()
                .endSpec()
                .build();
    }
}
