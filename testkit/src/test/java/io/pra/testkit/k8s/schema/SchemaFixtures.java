package io.pra.testkit.k8s.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Small schemas and objects written in YAML, and the verdicts on them. */
final class SchemaFixtures {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SchemaFixtures() {
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A root schema whose {@code spec} is {@code specSchema} (YAML). */
    static SchemaNode specSchema(String specSchema) {
        JsonNode spec = yaml(specSchema);
        JsonNode root = yaml("type: object\nproperties:\n  apiVersion: {type: string}\n  kind: {type: string}\n"
                + "  metadata: {type: object}\n  spec: {}\n");
        ((ObjectNode) root.get("properties")).set("spec", spec);
        return SchemaNode.read(root, "test");
    }

    /** A whole custom resource whose {@code spec} is {@code spec} (YAML). */
    static JsonNode object(String spec) {
        JsonNode object = yaml("apiVersion: test.pra.io/v1\nkind: Widget\nmetadata: {name: w, namespace: pra}\n");
        ((ObjectNode) object).set("spec", yaml(spec));
        return object;
    }

    static Admission admit(String specSchema, String spec) {
        return new SchemaValidator(specSchema(specSchema)).admit(object(spec), UnknownFields.REJECT);
    }

    static Admission prune(String specSchema, String spec) {
        return new SchemaValidator(specSchema(specSchema)).admit(object(spec), UnknownFields.PRUNE);
    }

    /** {@code path: message} of each violation. */
    static List<String> problems(Admission admission) {
        return admission.violations().stream().map(Violation::toString).toList();
    }
}
