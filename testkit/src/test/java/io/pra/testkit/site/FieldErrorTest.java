package io.pra.testkit.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pra.testkit.k8s.schema.Violation;
import org.junit.jupiter.api.Test;

/** The schema validator's findings written as the API server writes its field errors. */
class FieldErrorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTypeErrorNamesTheTypeFoundAndThePathInBodyWithMapKeysAfterADot() throws Exception {
        JsonNode object = JSON.readTree("{\"spec\":{\"config\":{\"retries\":3},\"endpoints\":[{\"port\":9113}]}}");

        assertThat(FieldError.of(new Violation("spec.config[retries]", Violation.Type.TYPE_INVALID,
                "must be of type string: \"integer\""), object)).isEqualTo(new FieldError("spec.config.retries",
                "FieldValueTypeInvalid", "Invalid value: \"integer\": spec.config.retries in body must be of type string: "
                        + "\"integer\""));
        assertThat(FieldError.of(new Violation("spec.endpoints[0].port", Violation.Type.TYPE_INVALID,
                "must be of type string: \"integer\""), object).toString()).isEqualTo("spec.endpoints[0].port: Invalid "
                + "value: \"integer\": spec.endpoints[0].port in body must be of type string: \"integer\"");
        assertThat(FieldError.of(new Violation("spec.missing", Violation.Type.TYPE_INVALID,
                "must be of type string: null"), object).message())
                .isEqualTo("Invalid value: \"null\": spec.missing in body must be of type string");
    }

    @Test
    void valueErrorsCarryTheBadValueAsGoPrintsIt() throws Exception {
        JsonNode object = JSON.readTree("{\"spec\":{\"name\":\"Abc\",\"replicas\":-1,\"list\":[],\"many\":[1,2,3]}}");

        assertThat(FieldError.of(new Violation("spec.name", Violation.Type.INVALID, "should match '^[a-z]+$': \"Abc\""),
                object).message()).isEqualTo("Invalid value: \"Abc\": spec.name in body should match '^[a-z]+$'");
        assertThat(FieldError.of(new Violation("spec.replicas", Violation.Type.INVALID,
                "should be greater than or equal to 0"), object).message())
                .isEqualTo("Invalid value: -1: spec.replicas in body should be greater than or equal to 0");
        assertThat(FieldError.of(new Violation("spec.list", Violation.Type.INVALID, "should have at least 1 items"),
                object).message()).isEqualTo("Invalid value: []interface {}{}: spec.list in body should have at least 1 items");
        assertThat(FieldError.of(new Violation("spec.many", Violation.Type.TOO_MANY, "must have at most 2 items"), object))
                .isEqualTo(new FieldError("spec.many", "FieldValueTooMany", "Too many: 3: must have at most 2 items"));
    }

    @Test
    void errorsTheValidatorAlreadyWordsAsTheApiServerKeepTheirMessage() throws Exception {
        JsonNode object = JSON.readTree("{\"metadata\":{\"labels\":{\"pra.io/group\":\"shop floor\"}},\"spec\":{}}");

        assertThat(FieldError.of(new Violation("spec.backupName", Violation.Type.REQUIRED, "Required value"), object))
                .isEqualTo(new FieldError("spec.backupName", "FieldValueRequired", "Required value"));
        assertThat(FieldError.of(new Violation("spec.mode", Violation.Type.NOT_SUPPORTED,
                "Unsupported value: \"x\": supported values: \"a\""), object).reason()).isEqualTo("FieldValueNotSupported");
        assertThat(FieldError.of(new Violation("metadata.labels[pra.io/group]", Violation.Type.INVALID,
                "Invalid value: \"shop floor\": a valid label must be an empty string or consist of alphanumeric "
                        + "characters"), object).field()).as("ValidateObjectMeta names the map").isEqualTo("metadata.labels");
    }
}
