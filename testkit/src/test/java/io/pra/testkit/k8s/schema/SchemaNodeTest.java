package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only what a CRD schema may say is read. */
class SchemaNodeTest {

    @Test
    void keywordsACrdMayNotUseAreRefused() {
        assertThatThrownBy(() -> SchemaNode.read(yaml("{type: object, properties: {a: {$ref: '#/x'}}}"), "crd"))
                .hasMessage("crd.a: keyword $ref is not allowed in a CRD schema");
        assertThatThrownBy(() -> SchemaNode.read(yaml("{type: object, patternProperties: {x: {}}}"), "crd"))
                .hasMessageContaining("patternProperties");
        assertThatThrownBy(() -> SchemaNode.read(yaml("{type: string, pattern: '(unclosed'}"), "crd"))
                .hasMessageContaining("does not compile");
    }

    @Test
    void aFieldIsADeclaredPropertyElseTheAdditionalPropertiesSchema() {
        SchemaNode node = SchemaNode.read(yaml("{type: object, properties: {a: {type: string}}, additionalProperties: {type: integer}}"), "crd");
        assertThat(node.field("a").type).isEqualTo("string");
        assertThat(node.field("b").type).isEqualTo("integer");
    }
}
