package io.pra.velero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class RestoreTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesWithVeleroFieldNames() throws Exception {
        JsonNode json = mapper.readTree(serialization.asJson(VeleroFixtures.partiallyFailedRestore()));

        assertThat(json.path("apiVersion").asText()).isEqualTo("velero.io/v1");
        assertThat(json.path("kind").asText()).isEqualTo("Restore");
        JsonNode spec = json.path("spec");
        assertThat(spec.path("backupName").asText()).isEqualTo("nightly-20250301100000");
        assertThat(spec.path("includedNamespaces").get(0).asText()).isEqualTo("shop");
        assertThat(spec.path("namespaceMapping").path("shop").asText()).isEqualTo("drill-shop");
        assertThat(spec.path("labelSelector").path("matchLabels").path("tier").asText()).isEqualTo("web");
        assertThat(spec.path("restorePVs").asBoolean()).isTrue();
        assertThat(spec.path("existingResourcePolicy").asText()).isEqualTo("update");
        JsonNode status = json.path("status");
        assertThat(status.path("phase").asText()).isEqualTo("PartiallyFailed");
        assertThat(status.path("startTimestamp").asText()).isEqualTo("2025-03-01T11:00:00Z");
        assertThat(status.path("completionTimestamp").asText()).isEqualTo("2025-03-01T11:01:00Z");
        assertThat(status.path("progress").path("itemsRestored").asInt()).isEqualTo(9);
        assertThat(status.path("progress").path("totalItems").asInt()).isEqualTo(10);
        assertThat(status.path("errors").asInt()).isEqualTo(1);
        assertThat(status.path("warnings").asInt()).isEqualTo(3);
    }

    @Test
    void roundTripsThroughJson() {
        Restore restore = VeleroFixtures.partiallyFailedRestore();

        Restore read = serialization.unmarshal(serialization.asJson(restore), Restore.class);

        assertThat(read.getSpec()).isEqualTo(restore.getSpec());
        assertThat(read.getStatus()).isEqualTo(restore.getStatus());
        assertThat(read.getPlural()).isEqualTo("restores");
    }

    @Test
    void readsWhatVeleroWritesAndIgnoresUnknownFields() {
        String fromVelero = """
                {"apiVersion":"velero.io/v1","kind":"Restore","metadata":{"name":"r1","namespace":"velero"},
                 "spec":{"backupName":"b1","hooks":{},"itemOperationTimeout":"4h0m0s","uploaderConfig":{}},
                 "status":{"phase":"Failed","failureReason":"backup b1 not found","hookStatus":{},
                           "restoreItemOperationsAttempted":0}}
                """;

        Restore restore = serialization.unmarshal(fromVelero, Restore.class);

        assertThat(restore.getSpec().getBackupName()).isEqualTo("b1");
        assertThat(restore.getStatus().getPhase()).isEqualTo(RestorePhase.FAILED);
        assertThat(restore.getStatus().getPhase().isTerminal()).isTrue();
        assertThat(restore.getStatus().getFailureReason()).contains("not found");
    }
}
