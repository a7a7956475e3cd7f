package io.pra.testkit.k8s.schema;

import static io.pra.testkit.k8s.schema.SchemaFixtures.admit;
import static io.pra.testkit.k8s.schema.SchemaFixtures.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each OpenAPI value rule the API server applies to a custom resource, on a one-field schema. */
class ValueValidationTest {

    private static final String FIELD = "type: object\nproperties:\n  f: %s\n";

    private static Admission field(String schema, String value) {
        return admit(FIELD.formatted(schema), "f: " + value);
    }

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{type: string}  | abc    | true",
        "{type: string}  | 12     | false",
        "{type: string}  | true   | false",
        "{type: integer} | 12     | true",
        "{type: integer} | 12.0   | true",
        "{type: integer} | 12.5   | false",
        "{type: integer} | \"12\"   | false",
        "{type: number}  | 12     | true",
        "{type: number}  | 1.5    | true",
        "{type: number}  | x      | false",
        "{type: boolean} | true   | true",
        "{type: boolean} | \"true\" | false",
        "{type: array}   | [1, 2] | true",
        "{type: array}   | 7      | false",
        "{type: object, x-kubernetes-preserve-unknown-fields: true} | {a: 1} | true",
        "{type: object, x-kubernetes-preserve-unknown-fields: true} | [a]    | false",
    })
    void typesAreJsonTypes(String schema, String value, boolean accepted) {
        Admission admission = field(schema, value);
        assertThat(admission.accepted()).as(admission.report()).isEqualTo(accepted);
        if (!accepted) {
            assertThat(admission.violations()).singleElement()
                    .satisfies(v -> assertThat(v.type()).isEqualTo(Violation.Type.TYPE_INVALID))
                    .satisfies(v -> assertThat(v.path()).isEqualTo("spec.f"));
        }
    }

    @Test
    void nullIsATypeErrorUnlessNullableButANullFieldIsDroppedFirst() {
        assertThat(admit("type: object\nproperties:\n  f: {type: array, items: {type: string}}\n", "f: [a, null]").violations())
                .extracting(Violation::path, Violation::type).containsExactly(tuple("spec.f[1]", Violation.Type.TYPE_INVALID));
        assertThat(admit("type: object\nproperties:\n  f: {type: array, items: {type: string, nullable: true}}\n", "f: [a, null]")
                .accepted()).isTrue();
        Admission dropped = admit(FIELD.formatted("{type: string}"), "f: null");
        assertThat(dropped.accepted()).isTrue();
        assertThat(dropped.admitted().path("spec").has("f")).isFalse();
        Admission kept = admit(FIELD.formatted("{type: string, nullable: true}"), "f: null");
        assertThat(kept.admitted().path("spec").get("f").isNull()).isTrue();
    }

    @Test
    void intOrStringTakesEitherAndNothingElse() {
        String schema = "{x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}";
        assertThat(field(schema, "8080").accepted()).isTrue();
        assertThat(field(schema, "http").accepted()).isTrue();
        assertThat(problems(field(schema, "true"))).containsExactly("spec.f: must be of type integer,string: \"boolean\"");
        assertThat(field(schema, "[1]").violations()).extracting(Violation::type).containsExactly(Violation.Type.TYPE_INVALID);
    }

    @Test
    void enumValuesAreCompared() {
        String schema = "{type: string, enum: [a, b]}";
        assertThat(field(schema, "a").accepted()).isTrue();
        assertThat(problems(field(schema, "c"))).containsExactly("spec.f: Unsupported value: \"c\": supported values: \"a\", \"b\"");
        assertThat(field("{type: integer, enum: [1, 2]}", "2.0").accepted()).isTrue();
    }

    @Test
    void patternIsSearchedNotAnchored() {
        assertThat(field("{type: string, pattern: 'b+'}", "abc").accepted()).isTrue();
        assertThat(field("{type: string, pattern: '^b+$'}", "abc").violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).isEqualTo("should match '^b+$': \"abc\""));
    }

    @Test
    void stringLengthsCountCharacters() {
        assertThat(field("{type: string, maxLength: 3}", "été").accepted()).isTrue();
        assertThat(field("{type: string, maxLength: 3}", "abcd").violations()).extracting(Violation::type)
                .containsExactly(Violation.Type.TOO_LONG);
        assertThat(field("{type: string, minLength: 2}", "a").violations()).extracting(Violation::type)
                .containsExactly(Violation.Type.INVALID);
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{type: integer, minimum: 1}                         | 1   | true",
        "{type: integer, minimum: 1}                         | 0   | false",
        "{type: integer, minimum: 1, exclusiveMinimum: true} | 1   | false",
        "{type: integer, maximum: 10}                        | 10  | true",
        "{type: integer, maximum: 10}                        | 11  | false",
        "{type: integer, maximum: 10, exclusiveMaximum: true}| 10  | false",
        "{type: number, multipleOf: 0.5}                     | 1.5 | true",
        "{type: number, multipleOf: 0.5}                     | 1.2 | false",
    })
    void numbersRespectTheirBounds(String schema, String value, boolean accepted) {
        assertThat(field(schema, value).accepted()).as(field(schema, value).report()).isEqualTo(accepted);
    }

    @Test
    void arraysRespectCountsUniquenessAndItems() {
        assertThat(problems(field("{type: array, minItems: 2, items: {type: string}}", "[a]")))
                .containsExactly("spec.f: should have at least 2 items");
        assertThat(field("{type: array, maxItems: 1, items: {type: string}}", "[a, b]").violations()).extracting(Violation::type)
                .containsExactly(Violation.Type.TOO_MANY);
        assertThat(field("{type: array, uniqueItems: true, items: {type: integer}}", "[1, 2, 1]").violations())
                .extracting(Violation::type).containsExactly(Violation.Type.DUPLICATE);
        assertThat(problems(field("{type: array, items: {type: integer}}", "[1, x]")))
                .containsExactly("spec.f[1]: must be of type integer: \"string\"");
    }

    @Test
    void objectsRespectRequiredCountsAndAdditionalProperties() {
        String schema = "{type: object, required: [a], properties: {a: {type: string}, b: {type: integer}}}";
        assertThat(problems(field(schema, "{b: 1}"))).containsExactly("spec.f.a: Required value");
        assertThat(field(schema, "{a: x, b: 1}").accepted()).isTrue();
        String map = "{type: object, maxProperties: 2, additionalProperties: {type: string}}";
        assertThat(field(map, "{x: a, y: b}").accepted()).isTrue();
        assertThat(problems(field(map, "{x: a, y: 1}"))).containsExactly("spec.f[y]: must be of type string: \"integer\"");
        assertThat(field(map, "{x: a, y: b, z: c}").violations()).extracting(Violation::type).containsExactly(Violation.Type.TOO_MANY);
        assertThat(field("{type: object, minProperties: 1, additionalProperties: {type: string}}", "{}").accepted()).isFalse();
    }

    @Test
    void combinatorsFollowJsonSchema() {
        String oneOf = "{type: object, properties: {a: {type: string}, b: {type: string}}, oneOf: [{required: [a]}, {required: [b]}]}";
        assertThat(field(oneOf, "{a: x}").accepted()).isTrue();
        assertThat(problems(field(oneOf, "{a: x, b: y}")))
                .containsExactly("spec.f: must validate one and only one schema (oneOf). Found 2 valid alternatives");
        assertThat(problems(field(oneOf, "{}"))).first().isEqualTo("spec.f: must validate one and only one schema (oneOf). Found none valid");
        String anyOf = "{type: object, properties: {a: {type: string}, b: {type: string}}, anyOf: [{required: [a]}, {required: [b]}]}";
        assertThat(field(anyOf, "{a: x, b: y}").accepted()).isTrue();
        assertThat(problems(field(anyOf, "{}"))).contains("spec.f: must validate at least one schema (anyOf)");
        String allOf = "{type: integer, allOf: [{minimum: 1}, {maximum: 5}]}";
        assertThat(field(allOf, "3").accepted()).isTrue();
        assertThat(problems(field(allOf, "9"))).contains("spec.f: must validate all the schemas (allOf)", "spec.f: should be less than or equal to 5");
        String not = "{type: string, not: {enum: [forbidden]}}";
        assertThat(field(not, "fine").accepted()).isTrue();
        assertThat(problems(field(not, "forbidden"))).containsExactly("spec.f: must not validate the schema (not)");
    }

    @Test
    void formatsAreCheckedOnStrings() {
        assertThat(field("{type: string, format: date-time}", "'2026-12-07T10:00:00Z'").accepted()).isTrue();
        assertThat(problems(field("{type: string, format: date-time}", "yesterday")))
                .containsExactly("spec.f: must be of type date-time: \"yesterday\"");
        assertThat(field("{type: integer, format: int64}", "12").accepted()).isTrue();
        assertThat(field("{type: string, format: something-else}", "anything").accepted()).isTrue();
    }
}
