package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.problems;
import static io.pra.testkit.k8s.schema.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdicts of a Kubernetes 1.35 API server with the vendored CRDs installed, on PRA's kinds and built-in ones. */
class ManifestValidatorTest {

    private static final CustomResourceDefinitions CRDS = CustomResourceDefinitions.vendored();
    private static final ManifestValidator STRICT = new ManifestValidator(CRDS, UnknownFields.REJECT);
    private static final ManifestValidator PRUNING = new ManifestValidator(CRDS, UnknownFields.PRUNE);

    @Test
    void everyKindPraWritesIsAcceptedAsWritten() throws IOException {
        List<JsonNode> objects = resource("schema/accepted.yaml");
        assertThat(objects).hasSize(14);
        for (JsonNode object : objects) {
            Admission admission = STRICT.admit(object);
            assertThat(admission.accepted()).as(admission.report()).isTrue();
            assertThat(admission.uncheckedRules()).as(admission.object()).isEmpty();
            assertThat(PRUNING.admit(object).prunedFields()).as(admission.object()).isEmpty();
        }
    }

    @Test
    void aVersionTheCrdDoesNotServeIsRefused() {
        Admission admission = STRICT.admit(yaml("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t, namespace: pra}
                spec: {partitions: 1}
                """));
        assertThat(admission.violations()).singleElement().satisfies(v -> {
            assertThat(v.type()).isEqualTo(Violation.Type.NOT_SERVED);
            assertThat(v.message()).startsWith("version v1beta2 of KafkaTopic.kafka.strimzi.io is not served (served: v1;");
        });
        assertThat(admission.object()).isEqualTo("KafkaTopic pra/t (kafka.strimzi.io/v1beta2)");
    }

    @Test
    void strimziV1HasNoZookeeperNorKafkaLevelReplicasOrSingularAclOperation() {
        JsonNode kafka = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: Kafka
                metadata: {name: pra, namespace: pra}
                spec:
                  kafka:
                    replicas: 3
                    storage: {type: ephemeral}
                    listeners: [{name: tls, port: 9093, type: internal, tls: true}]
                  zookeeper: {replicas: 3}
                """);
        assertThat(STRICT.admit(kafka).violations()).extracting(Violation::path)
                .containsExactlyInAnyOrder("spec.kafka.replicas", "spec.kafka.storage", "spec.zookeeper");
        Admission pruned = PRUNING.admit(kafka);
        assertThat(pruned.accepted()).as(pruned.report()).isTrue();
        assertThat(pruned.admitted().at("/spec/kafka").has("replicas")).isFalse();
        JsonNode user = yaml("""
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: u, namespace: pra}
                spec:
                  authorization:
                    type: simple
                    acls: [{resource: {type: topic, name: t}, operation: Read}]
                """);
        assertThat(problems(STRICT.admit(user))).contains("spec.authorization.acls[0].operation: unknown field \"spec.authorization.acls[0].operation\"",
                "spec.authorization.acls[0].operations: Required value");
    }

    @Test
    void aKindNoCrdDefinesAndNoApiServesIsRefused() {
        for (String apiVersionAndKind : List.of("example.com/v1 Widget", "apps/v1 Deploymnet", "velero.io/v1 Snapshot")) {
            String[] parts = apiVersionAndKind.split(" ");
            Admission admission = STRICT.admit(yaml("{apiVersion: " + parts[0] + ", kind: " + parts[1] + ", metadata: {name: x}}"));
            assertThat(admission.violations()).extracting(Violation::type).as(apiVersionAndKind).containsExactly(Violation.Type.UNKNOWN_KIND);
        }
    }

    @Test
    void builtInKindsAreReadIntoTheTypedModelAndUnknownFieldsFoundAtAnyDepth() {
        JsonNode deployment = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: d, namespace: pra}
                spec:
                  replica: 2
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          livenessProbe: {httpGet: {path: /q/health/live, port: 8080, sheme: HTTP}}
                """);
        assertThat(problems(STRICT.admit(deployment))).containsExactlyInAnyOrder("spec.replica: unknown field \"spec.replica\"",
                "spec.template.spec.containers[0].livenessProbe.httpGet.sheme: unknown field "
                        + "\"spec.template.spec.containers[0].livenessProbe.httpGet.sheme\"");
        Admission pruned = PRUNING.admit(deployment);
        assertThat(pruned.accepted()).isTrue();
        assertThat(pruned.prunedFields()).hasSize(2);
        assertThat(pruned.admitted().at("/spec/template/spec/containers/0/livenessProbe/httpGet").has("sheme")).isFalse();
    }

    @Test
    void builtInValuesOfTheWrongTypeAreRefusedWithTheirPath() {
        assertThat(problems(STRICT.admit(yaml("{apiVersion: apps/v1, kind: Deployment, metadata: {name: d}, spec: {replicas: \"2\"}}"))))
                .singleElement().asString().startsWith("spec.replicas: Cannot deserialize");
        assertThat(problems(STRICT.admit(yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {PORT: 8080}}"))))
                .singleElement().asString().startsWith("data.PORT: Cannot coerce");
        assertThat(problems(STRICT.admit(yaml("""
                {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, resources: {limits: {memory: 1Gx}}}]}}
                """)))).singleElement().asString().startsWith("spec.containers[0].resources.limits[memory]: quantities must match");
    }

    @Test
    void builtInVersionsKubernetesNoLongerServesAreRefused() {
        Admission admission = STRICT.admit(yaml("{apiVersion: policy/v1beta1, kind: PodDisruptionBudget, metadata: {name: p}}"));
        assertThat(admission.violations()).extracting(Violation::type).containsExactly(Violation.Type.NOT_SERVED);
    }

    @Test
    void metadataIsCheckedForEveryKind() {
        assertThat(problems(STRICT.admit(yaml("{apiVersion: v1, kind: Service, metadata: {name: Backup_Service}}"))))
                .singleElement().asString().startsWith("metadata.name: Invalid value: \"Backup_Service\": a DNS-1035 label");
        assertThat(problems(STRICT.admit(yaml("""
                {apiVersion: velero.io/v1, kind: Backup, metadata: {name: b, labels: {"pra.io/group": "shop floor"}}}
                """)))).singleElement().asString().startsWith("metadata.labels[pra.io/group]: Invalid value: \"shop floor\"");
        assertThat(STRICT.admit(yaml("{apiVersion: velero.io/v1, kind: Backup, metadata: {namespace: velero}}")).violations())
                .extracting(Violation::path, Violation::type)
                .containsExactly(tuple("metadata.name", Violation.Type.REQUIRED));
    }

    @Test
    void aCustomResourceIsNamedAsADnsSubdomain() {
        assertThat(problems(STRICT.admit(yaml("{apiVersion: velero.io/v1, kind: Backup, metadata: {name: Nightly_Backup}}"))))
                .singleElement().asString().startsWith("metadata.name: Invalid value: \"Nightly_Backup\": a lowercase RFC 1123 "
                        + "subdomain");
        assertThat(STRICT.admit(yaml("{apiVersion: velero.io/v1, kind: Backup, metadata: {name: nightly.shop-1}}")).accepted())
                .isTrue();
    }

    @Test
    void typeErrorsInCustomResourcesNameTheField() {
        Admission admission = STRICT.admit(yaml("""
                apiVersion: velero.io/v1
                kind: BackupStorageLocation
                metadata: {name: default, namespace: velero}
                spec:
                  provider: aws
                  accessMode: Sometimes
                  objectStorage: {bucket: 7}
                  config: {region: eu-west-3, retries: 3}
                """));
        assertThat(problems(admission)).containsExactlyInAnyOrder(
                "spec.accessMode: Unsupported value: \"Sometimes\": supported values: \"ReadOnly\", \"ReadWrite\"",
                "spec.objectStorage.bucket: must be of type string: \"integer\"",
                "spec.config[retries]: must be of type string: \"integer\"");
    }

    private static List<JsonNode> resource(String name) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (InputStream in = ManifestValidatorTest.class.getClassLoader().getResourceAsStream(name);
                var documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).<JsonNode>readValues(in)) {
            documents.forEachRemaining(d -> {
                if (d != null && !d.isNull()) {
                    objects.add(d);
                }
            });
        }
        return objects;
    }
}
