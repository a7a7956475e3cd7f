package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pra.testkit.site.rbac.RbacPolicy;
import io.pra.velero.Velero;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fake site refuses, over real HTTP and through fabric8 clients, the custom resources a real API server with the
 * upstream CRDs installed would refuse, in its words (422 {@code Invalid} with the causes per field, 404 for a version
 * that is not served), and prunes unknown fields with a {@code Warning} as it does: on create, update, each patch
 * type and status writes.
 */
class CustomResourceSchemaIT {

    private static final String RESTORES = "/apis/velero.io/v1/namespaces/velero/restores";
    private static final List<String> RESTORE_PHASES = List.of("New", "FailedValidation", "InProgress",
            "WaitingForPluginOperations", "WaitingForPluginOperationsPartiallyFailed", "Completed", "PartiallyFailed",
            "Failed", "Finalizing", "FinalizingPartiallyFailed");

    private FakeSite site;
    private KubernetesClient client;

    @BeforeEach
    void startSite() {
        SiteFixtures.quietClientLogs();
        site = FakeSite.create("b").enforce(RbacPolicy.shipped("site-b")).start();
        client = site.client();
    }

    @AfterEach
    void closeSite() {
        site.close();
    }

    @Test
    void aRestoreWithAWrongTypeIsInvalidInTheApiServersWords() {
        assertInvalid(() -> restores().resource(restore("wrong-type", Map.of("backupName", 42))).create(),
                "Restore.velero.io \"wrong-type\" is invalid: spec.backupName: Invalid value: \"integer\": "
                        + "spec.backupName in body must be of type string: \"integer\"",
                tuple("spec.backupName", "FieldValueTypeInvalid",
                        "Invalid value: \"integer\": spec.backupName in body must be of type string: \"integer\""));
        assertThat(restores().withName("wrong-type").get()).as("nothing stored").isNull();
    }

    @Test
    void aMissingRequiredFieldAndAValueOutsideTheEnumAreInvalidTogether() {
        GenericKubernetesResource restore = restore("two-errors",
                Map.of("backupName", "b1", "resourceModifier", Map.of("name", "modifiers")));
        restore.setAdditionalProperty("status", Map.of("phase", "Exploded"));
        String phases = String.join(", ", RESTORE_PHASES.stream().map(p -> "\"" + p + "\"").toList());

        assertInvalid(() -> restores().resource(restore).create(),
                "Restore.velero.io \"two-errors\" is invalid: [spec.resourceModifier.kind: Required value, "
                        + "status.phase: Unsupported value: \"Exploded\": supported values: " + phases + "]",
                tuple("spec.resourceModifier.kind", "FieldValueRequired", "Required value"),
                tuple("status.phase", "FieldValueNotSupported", "Unsupported value: \"Exploded\": supported values: "
                        + phases));
    }

    @Test
    void onlyServedVersionsAndDefinedResourcesAreServed() throws Exception {
        var v2 = client.genericKubernetesResources(new ResourceDefinitionContext.Builder().withGroup(Velero.GROUP)
                .withVersion("v2").withKind("Restore").withPlural("restores").withNamespaced(true).build())
                .inNamespace(Velero.DEFAULT_NAMESPACE);
        GenericKubernetesResource restore = restore("r1", Map.of("backupName", "b1"));
        restore.setApiVersion("velero.io/v2");

        assertThatThrownBy(() -> v2.resource(restore).create()).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getStatus().getReason()).isEqualTo("NotFound");
                    assertThat(e.getStatus().getMessage()).isEqualTo("the server could not find the requested resource");
                });
        assertThatThrownBy(v2::list).isInstanceOfSatisfying(KubernetesClientException.class,
                e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(send("GET", "/apis/velero.io/v2", null, null).code()).isEqualTo(404);
        assertThat(send("GET", "/apis/velero.io/v1/namespaces/velero/restorethings", null, null).code())
                .as("a resource no CRD defines").isEqualTo(404);
        assertThat(Serialization.unmarshal(send("GET", "/apis/velero.io/v1", null, null).body(), Map.class)
                .get("resources").toString()).contains("restores", "backups", "schedules", "backupstoragelocations");
        assertThat(send("GET", "/apis/kafka.strimzi.io/v1beta2", null, null).code())
                .as("Strimzi 1.x serves v1 only").isEqualTo(404);
    }

    @Test
    void unknownFieldsArePrunedWithAWarningUnlessTheRequestAsksOtherwise() throws Exception {
        String body = "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Restore\",\"metadata\":{\"name\":\"r1\"},"
                + "\"spec\":{\"backupName\":\"b1\",\"foo\":\"bar\",\"resourceModifier\":{\"kind\":\"ConfigMap\","
                + "\"name\":\"m\",\"extra\":1}}}";

        HttpResponse<String> created = send("POST", RESTORES, "application/json", body);

        assertThat(created.code()).isEqualTo(201);
        assertThat(created.headers("Warning")).containsExactlyInAnyOrder("299 - \"unknown field \\\"spec.foo\\\"\"",
                "299 - \"unknown field \\\"spec.resourceModifier.extra\\\"\"");
        Map<String, Object> spec = spec(restores().withName("r1").get());
        assertThat(spec).containsOnlyKeys("backupName", "resourceModifier");
        assertThat(spec.get("resourceModifier")).isEqualTo(Map.of("kind", "ConfigMap", "name", "m"));

        HttpResponse<String> strict = send("POST", RESTORES + "?fieldValidation=Strict", "application/json",
                body.replace("\"r1\"", "\"r2\""));
        assertThat(strict.code()).isEqualTo(400);
        assertThat(Serialization.unmarshal(strict.body(), Map.class).get("message")).isEqualTo("Restore in version "
                + "\"v1\" cannot be handled as a Restore: strict decoding error: unknown field \"spec.foo\", unknown field "
                + "\"spec.resourceModifier.extra\"");
        HttpResponse<String> ignored = send("POST", RESTORES + "?fieldValidation=Ignore", "application/json",
                body.replace("\"r1\"", "\"r3\""));
        assertThat(ignored.code()).isEqualTo(201);
        assertThat(ignored.headers("Warning")).isEmpty();
    }

    @Test
    void patchesAreJudgedByTheObjectTheyProduce() throws Exception {
        restores().resource(restore("r1", Map.of("backupName", "b1", "includedNamespaces", List.of("shop")))).create();
        Resource<GenericKubernetesResource> r1 = restores().withName("r1");

        r1.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"includedNamespaces\":[\"payments\"],\"foo\":1}}");
        assertThat(spec(r1.get())).as("a merge patch replaces a list, and the unknown field is pruned")
                .containsOnlyKeys("backupName", "includedNamespaces").containsEntry("includedNamespaces", List.of("payments"));

        assertInvalid(() -> r1.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"backupName\":7}}"),
                "Restore.velero.io \"r1\" is invalid: spec.backupName: Invalid value: \"integer\": spec.backupName in body"
                        + " must be of type string: \"integer\"",
                tuple("spec.backupName", "FieldValueTypeInvalid",
                        "Invalid value: \"integer\": spec.backupName in body must be of type string: \"integer\""));
        assertInvalid(() -> r1.patch(PatchContext.of(PatchType.JSON),
                        "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"phase\":\"Done\"}}]"),
                "Restore.velero.io \"r1\" is invalid: status.phase: Unsupported value: \"Done\": supported values: "
                        + String.join(", ", RESTORE_PHASES.stream().map(p -> "\"" + p + "\"").toList()),
                tuple("status.phase", "FieldValueNotSupported", "Unsupported value: \"Done\": supported values: "
                        + String.join(", ", RESTORE_PHASES.stream().map(p -> "\"" + p + "\"").toList())));
        r1.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"add\",\"path\":\"/status\",\"value\":{\"phase\":\"New\"}}]");
        assertThat(r1.get().getAdditionalProperties().get("status")).isEqualTo(Map.of("phase", "New"));

        assertThatThrownBy(() -> r1.patch(PatchContext.of(PatchType.STRATEGIC_MERGE), "{\"spec\":{\"backupName\":\"b2\"}}"))
                .as("custom resources take no strategic merge patch").isInstanceOfSatisfying(
                        KubernetesClientException.class, e -> {
                            assertThat(e.getCode()).isEqualTo(415);
                            assertThat(e.getStatus().getMessage()).isEqualTo("the body of the request was in an unknown"
                                    + " format - accepted media types include: application/json-patch+json, "
                                    + "application/merge-patch+json, application/apply-patch+yaml");
                        });
        assertThat(spec(r1.get())).containsEntry("backupName", "b1");
    }

    @Test
    void updatesNeedTheResourceVersionAndAreValidated() throws Exception {
        restores().resource(restore("r1", Map.of("backupName", "b1"))).create();
        GenericKubernetesResource live = restores().withName("r1").get();

        GenericKubernetesResource wrong = Serialization.clone(live);
        wrong.setAdditionalProperty("spec", Map.of("backupName", List.of("b1")));
        assertInvalid(() -> restores().resource(wrong).update(),
                "Restore.velero.io \"r1\" is invalid: spec.backupName: Invalid value: \"array\": spec.backupName in body"
                        + " must be of type string: \"array\"",
                tuple("spec.backupName", "FieldValueTypeInvalid",
                        "Invalid value: \"array\": spec.backupName in body must be of type string: \"array\""));

        GenericKubernetesResource unconditional = Serialization.clone(live);
        unconditional.getMetadata().setResourceVersion(null);
        HttpResponse<String> refused = send("PUT", RESTORES + "/r1", "application/json",
                Serialization.asJson(unconditional));
        assertThat(refused.code()).isEqualTo(422);
        assertThat(Serialization.unmarshal(refused.body(), Map.class).get("message")).isEqualTo("Restore.velero.io "
                + "\"r1\" is invalid: metadata.resourceVersion: Invalid value: 0x0: must be specified for an update");

        GenericKubernetesResource renamed = Serialization.clone(live);
        renamed.setAdditionalProperty("spec", Map.of("backupName", "b2"));
        assertThat(spec(restores().resource(renamed).update())).containsEntry("backupName", "b2");
    }

    @Test
    void statusIsWrittenThroughTheStatusSubresourceOnlyWhereTheCrdHasOne() {
        var endpoints = client.genericKubernetesResources(CustomResources.DNS_ENDPOINT).inNamespace("default");
        GenericKubernetesResource endpoint = new GenericKubernetesResourceBuilder()
                .withApiVersion("externaldns.k8s.io/v1alpha1").withKind("DNSEndpoint")
                .withNewMetadata().withName("shop").endMetadata()
                .addToAdditionalProperties("spec", Map.of("endpoints", List.of(Map.of("dnsName", "shop.example.org",
                        "recordType", "A", "targets", List.of("10.0.0.1")))))
                .addToAdditionalProperties("status", Map.of("observedGeneration", 5))
                .build();
        endpoints.resource(endpoint).create();
        Resource<GenericKubernetesResource> shop = endpoints.withName("shop");
        assertThat(shop.get().getAdditionalProperties()).as("a create drops the status").doesNotContainKey("status");

        assertInvalid(() -> shop.editStatus(e -> {
            e.setAdditionalProperty("status", Map.of("observedGeneration", "first"));
            return e;
        }), "DNSEndpoint.externaldns.k8s.io \"shop\" is invalid: status.observedGeneration: Invalid value: \"string\": "
                + "status.observedGeneration in body must be of type integer: \"string\"",
                tuple("status.observedGeneration", "FieldValueTypeInvalid", "Invalid value: \"string\": "
                        + "status.observedGeneration in body must be of type integer: \"string\""));

        shop.editStatus(e -> {
            e.setAdditionalProperty("status", Map.of("observedGeneration", 1));
            e.setAdditionalProperty("spec", Map.of("endpoints", List.of()));
            return e;
        });
        assertThat(shop.get().getAdditionalProperties().get("status")).isEqualTo(Map.of("observedGeneration", 1));
        assertThat(spec(shop.get())).as("a status write leaves the spec").containsKey("endpoints")
                .extracting(s -> ((List<?>) s.get("endpoints")).size()).isEqualTo(1);

        restores().resource(restore("r1", Map.of("backupName", "b1"))).create();
        assertThatThrownBy(() -> restores().withName("r1").editStatus(r -> {
            r.setAdditionalProperty("status", Map.of("phase", "New"));
            return r;
        })).as("Velero's CRDs have no status subresource").isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(404);
            assertThat(e.getStatus().getMessage()).isEqualTo("restores.velero.io \"r1\" not found");
        });
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> restores() {
        return client.genericKubernetesResources("velero.io/v1", "Restore").inNamespace(Velero.DEFAULT_NAMESPACE);
    }

    private static GenericKubernetesResource restore(String name, Map<String, Object> spec) {
        return new GenericKubernetesResourceBuilder().withApiVersion("velero.io/v1").withKind("Restore")
                .withNewMetadata().withName(name).withNamespace(Velero.DEFAULT_NAMESPACE).endMetadata()
                .addToAdditionalProperties("spec", spec).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static void assertInvalid(ThrowingCallable call, String message, org.assertj.core.groups.Tuple... causes) {
        assertThatThrownBy(call).isInstanceOfSatisfying(KubernetesClientException.class, e -> {
            assertThat(e.getCode()).isEqualTo(422);
            assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
            assertThat(e.getStatus().getMessage()).isEqualTo(message);
            assertThat(e.getStatus().getDetails().getCauses())
                    .extracting(StatusCause::getField, StatusCause::getReason, StatusCause::getMessage)
                    .containsExactlyInAnyOrder(causes);
        });
    }

    /** A request through the site client's own HTTP client (its bearer token), to see status code and headers. */
    private HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = client.getHttpClient().newHttpRequestBuilder().uri(site.url() + path);
        if (body != null) {
            request.method(method, contentType, body);
        }
        return client.getHttpClient().sendAsync(request.build(), String.class).get(10, TimeUnit.SECONDS);
    }
}
