package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.admit;
import static io.pra.testkit.k8s.schema.SchemaFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code x-kubernetes-list-type} set and map. */
class ListTypesTest {

    @Test
    void aSetHoldsEachValueOnce() {
        String schema = "type: object\nproperties:\n  s: {type: array, x-kubernetes-list-type: set, items: {type: string}}\n";
        assertThat(admit(schema, "s: [a, b]").accepted()).isTrue();
        assertThat(problems(admit(schema, "s: [a, b, a]"))).containsExactly("spec.s[2]: Duplicate value: \"a\"");
    }

    @Test
    void aMapListHoldsEachKeyOnce() {
        String schema = """
                type: object
                properties:
                  ports:
                    type: array
                    x-kubernetes-list-type: map
                    x-kubernetes-list-map-keys: [name, protocol]
                    items:
                      type: object
                      properties:
                        name: {type: string}
                        protocol: {type: string}
                        port: {type: integer}
                """;
        assertThat(admit(schema, "ports: [{name: a, protocol: TCP, port: 1}, {name: a, protocol: UDP, port: 1}]").accepted()).isTrue();
        assertThat(problems(admit(schema, "ports: [{name: a, protocol: TCP, port: 1}, {name: a, protocol: TCP, port: 2}]")))
                .containsExactly("spec.ports[1]: Duplicate value: {\"name\":\"a\",\"protocol\":\"TCP\"}");
    }
}
