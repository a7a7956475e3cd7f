package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.admit;
import static io.pra.testkit.k8s.schema.SchemaFixtures.problems;
import static io.pra.testkit.k8s.schema.SchemaFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CEL subset behind {@code x-kubernetes-validations}, with the rules of the CRDs PRA deploys. */
class CelRulesTest {

    /** Strimzi 1.2's rack rules (Kafka {@code spec.kafka.rack}). */
    private static final String RACK = """
            type: object
            properties:
              rack:
                type: object
                properties:
                  type: {type: string, enum: [topology-label, environment-variable]}
                  topologyKey: {type: string}
                  envVarName: {type: string}
                x-kubernetes-validations:
                  - rule: (has(self.type) && self.type != "topology-label") || self.topologyKey != ""
                    message: topologyKey property is required
                  - rule: has(self.type) == false || self.type != "environment-variable" || self.envVarName != ""
                    message: envVarName property is required
            """;

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "{topologyKey: topology.kubernetes.io/zone}  ; ",
        "{type: environment-variable, envVarName: Z} ; ",
        "{topologyKey: ''}                           ; spec.rack: Invalid value: topologyKey property is required",
        "{type: environment-variable}                ; spec.rack: no such key: envVarName evaluating rule: has(self.type) == false || self.type != \"environment-variable\" || self.envVarName != \"\"",
        "{}                                          ; spec.rack: no such key: topologyKey evaluating rule: (has(self.type) && self.type != \"topology-label\") || self.topologyKey != \"\"",
    })
    void strimziRackRules(String rack, String problem) {
        Admission admission = admit(RACK, "rack: " + rack);
        if (problem == null) {
            assertThat(admission.accepted()).as(admission.report()).isTrue();
        } else {
            assertThat(problems(admission)).containsExactly(problem);
        }
    }

    @ParameterizedTest(name = "{0} on {1} is {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "self.a == 1 || self.missing == 2          ; {a: 1}         ; true",
        "self.missing == 2 || self.a == 1          ; {a: 1}         ; true",
        "self.a == 2 && self.missing == 2          ; {a: 1}         ; false",
        "!(self.a < 2)                             ; {a: 1}         ; false",
        "self.a >= 1.0 && self.b <= 'y'            ; {a: 1, b: x}   ; true",
        "size(self.l) == 2 && self.l.size() > 1    ; {l: [1, 2]}    ; true",
        "self.l[1] == 2 && self.m['k'] == 'v'      ; {l: [1, 2], m: {k: v}} ; true",
        "self.s == 'it''s'                         ; {s: x}         ; false",
        "-self.a == -1                             ; {a: 1}         ; true",
        "self.n == null                            ; {n: null}      ; true",
    })
    void operatorsFollowCel(String rule, String self, String expected) throws Exception {
        Object result = CelExpression.parse(rule.replace("''", "\\'")).evaluate(yaml(self));
        assertThat(result).isInstanceOf(JsonNode.class);
        assertThat(((JsonNode) result).asBoolean()).isEqualTo(Boolean.parseBoolean(expected));
    }

    @Test
    void errorsWithoutAnAbsorbingOperandStayErrors() throws Exception {
        assertThat(CelExpression.parse("self.missing == 1 || self.a == 2").evaluate(yaml("{a: 1}")))
                .isEqualTo(new CelExpression.Error("no such key: missing"));
        assertThat(CelExpression.parse("self.a < 'x'").evaluate(yaml("{a: 1}"))).isInstanceOf(CelExpression.Error.class);
    }

    @Test
    void expressionsOutsideTheSubsetAreRefusedWhenRead() {
        assertThatThrownBy(() -> CelExpression.parse("self.all(x, x > 0)")).isInstanceOf(CelExpression.Unsupported.class);
        assertThatThrownBy(() -> CelExpression.parse("self.a == oldSelf.a")).isInstanceOf(CelExpression.Unsupported.class);
        assertThatThrownBy(() -> CelExpression.parse("self.a + 1 == 2")).isInstanceOf(CelExpression.Unsupported.class);
    }

    @Test
    void aRuleOutsideTheSubsetIsReportedAsNotChecked() {
        String schema = "type: object\nproperties:\n  l: {type: array, items: {type: integer}}\n"
                + "x-kubernetes-validations: [{rule: 'self.l.all(x, x > 0)'}]\n";
        Admission admission = admit(schema, "l: [-1]");
        assertThat(admission.accepted()).isTrue();
        assertThat(admission.uncheckedRules()).singleElement().asString().startsWith("spec: self.l.all(x, x > 0)");
    }

    @Test
    void rulesAreNotEvaluatedOnceABlockingErrorIsFound() {
        Admission admission = admit(RACK.replace("  rack:", "  size: {type: integer}\n  rack:"), "{size: x, rack: {}}");
        assertThat(problems(admission)).containsExactly("spec.size: must be of type integer: \"string\"",
                "<object>: some validation rules were not checked because the object was invalid; correct the existing errors to"
                        + " complete validation");
    }
}
