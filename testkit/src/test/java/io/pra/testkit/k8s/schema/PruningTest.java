package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.admit;
import static io.pra.testkit.k8s.schema.SchemaFixtures.object;
import static io.pra.testkit.k8s.schema.SchemaFixtures.problems;
import static io.pra.testkit.k8s.schema.SchemaFixtures.prune;
import static io.pra.testkit.k8s.schema.SchemaFixtures.specSchema;
import static io.pra.testkit.k8s.schema.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** Unknown fields, nulls and defaults, as the API server treats them before validating a custom resource. */
class PruningTest {

    private static final String NESTED = """
            type: object
            properties:
              name: {type: string}
              items:
                type: array
                items:
                  type: object
                  properties:
                    port: {type: integer}
              labels:
                type: object
                additionalProperties:
                  type: object
                  properties:
                    value: {type: string}
            """;

    @Test
    void unknownFieldsArePrunedAndListedAtAnyDepth() {
        Admission admission = prune(NESTED, "{name: a, extra: 1, items: [{port: 1, host: h}], labels: {x: {value: v, more: m}}}");
        assertThat(admission.accepted()).isTrue();
        assertThat(admission.prunedFields()).containsExactlyInAnyOrder("spec.extra", "spec.items[0].host", "spec.labels[x].more");
        assertThat(admission.admitted().get("spec")).isEqualTo(yaml("{name: a, items: [{port: 1}], labels: {x: {value: v}}}"));
    }

    @Test
    void strictModeRefusesUnknownFieldsWithTheirPaths() {
        Admission admission = admit(NESTED, "{name: a, extra: 1, items: [{port: 1, host: h}]}");
        assertThat(admission.prunedFields()).isEmpty();
        assertThat(problems(admission)).containsExactlyInAnyOrder("spec.extra: unknown field \"spec.extra\"",
                "spec.items[0].host: unknown field \"spec.items[0].host\"");
        assertThat(admission.violations()).extracting(Violation::type).containsOnly(Violation.Type.UNKNOWN_FIELD);
    }

    @Test
    void theObjectGivenIsNotChanged() {
        JsonNode original = object("{name: a, extra: 1}");
        JsonNode copy = original.deepCopy();
        new SchemaValidator(specSchema(NESTED)).admit(original, UnknownFields.PRUNE);
        assertThat(original).isEqualTo(copy);
    }

    @Test
    void preservedObjectsKeepUnknownFieldsButDeclaredOnesArePrunedInside() {
        String schema = """
                type: object
                x-kubernetes-preserve-unknown-fields: true
                properties:
                  known:
                    type: object
                    properties:
                      a: {type: string}
                """;
        Admission admission = prune(schema, "{anything: {goes: 1}, known: {a: x, b: y}}");
        assertThat(admission.prunedFields()).containsExactly("spec.known.b");
        assertThat(admission.admitted().get("spec")).isEqualTo(yaml("{anything: {goes: 1}, known: {a: x}}"));
    }

    @Test
    void metadataIsReadAsObjectMetaAndItsUnknownFieldsDropped() {
        JsonNode object = object("{name: a}");
        ((ObjectNode) object.get("metadata")).put("colour", "blue");
        Admission admission = new SchemaValidator(specSchema(NESTED)).admit(object, UnknownFields.PRUNE);
        assertThat(admission.prunedFields()).containsExactly("metadata.colour");
        assertThat(admission.admitted().get("metadata")).isEqualTo(yaml("{name: w, namespace: pra}"));
        assertThat(new SchemaValidator(specSchema(NESTED)).admit(object, UnknownFields.REJECT).violations())
                .extracting(Violation::path).containsExactly("metadata.colour");
    }

    @Test
    void embeddedResourcesKeepTheirTypeAndMetadataFields() {
        String schema = """
                type: object
                properties:
                  template:
                    type: object
                    x-kubernetes-embedded-resource: true
                    properties:
                      spec:
                        type: object
                        properties:
                          replicas: {type: integer}
                """;
        Admission admission = prune(schema, "{template: {apiVersion: v1, kind: Thing, metadata: {name: t, extra: 1}, spec: {replicas: 1, x: 2}}}");
        assertThat(admission.accepted()).as(admission.report()).isTrue();
        assertThat(admission.prunedFields()).containsExactlyInAnyOrder("spec.template.spec.x", "spec.template.metadata.extra");
        assertThat(admission.admitted().at("/spec/template")).isEqualTo(yaml("{apiVersion: v1, kind: Thing, metadata: {name: t}, spec: {replicas: 1}}"));
        assertThat(problems(prune(schema, "{template: {metadata: {name: t}}}")))
                .containsExactlyInAnyOrder("spec.template.apiVersion: Required value", "spec.template.kind: Required value");
    }

    @Test
    void defaultsFillAbsentFieldsAndNonNullableNulls() {
        String schema = """
                type: object
                properties:
                  mode: {type: string, default: fast}
                  nested:
                    type: object
                    properties:
                      level: {type: integer, default: 3}
                  keep: {type: string, nullable: true, default: d}
                """;
        assertThat(prune(schema, "{nested: {}}").admitted().get("spec")).isEqualTo(yaml("{mode: fast, nested: {level: 3}, keep: d}"));
        assertThat(prune(schema, "{mode: null, keep: null}").admitted().get("spec")).isEqualTo(yaml("{mode: fast, keep: null}"));
        assertThat(prune(schema, "{mode: slow}").admitted().at("/spec/mode").asText()).isEqualTo("slow");
    }
}
