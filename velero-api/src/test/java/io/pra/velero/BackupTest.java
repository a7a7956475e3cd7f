package io.pra.velero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackupTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesWithVeleroFieldNames() throws Exception {
        Backup backup = VeleroFixtures.completedBackup();

        JsonNode json = mapper.readTree(serialization.asJson(backup));

        assertThat(json.path("apiVersion").asText()).isEqualTo("velero.io/v1");
        assertThat(json.path("kind").asText()).isEqualTo("Backup");
        assertThat(json.path("metadata").path("namespace").asText()).isEqualTo("velero");
        JsonNode spec = json.path("spec");
        assertThat(spec.path("includedNamespaces")).hasSize(2);
        assertThat(spec.path("excludedNamespaces").get(0).asText()).isEqualTo("kube-system");
        assertThat(spec.path("labelSelector").path("matchLabels").path("app").asText()).isEqualTo("shop");
        assertThat(spec.path("ttl").asText()).isEqualTo("720h0m0s");
        assertThat(spec.path("storageLocation").asText()).isEqualTo("default");
        assertThat(spec.path("snapshotVolumes").asBoolean()).isFalse();
        assertThat(spec.path("defaultVolumesToFsBackup").asBoolean()).isTrue();
        JsonNode status = json.path("status");
        assertThat(status.path("phase").asText()).isEqualTo("Completed");
        assertThat(status.path("startTimestamp").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(status.path("completionTimestamp").asText()).isEqualTo("2025-03-01T10:00:42Z");
        assertThat(status.path("expiration").asText()).isEqualTo("2025-03-31T10:00:00Z");
        assertThat(status.path("progress").path("itemsBackedUp").asInt()).isEqualTo(12);
        assertThat(status.path("progress").path("totalItems").asInt()).isEqualTo(12);
        assertThat(status.path("warnings").asInt()).isEqualTo(1);
        // Go's omitempty leaves zero counts and empty fields out; so does the model.
        assertThat(status.has("errors")).isFalse();
        assertThat(status.has("failureReason")).isFalse();
    }

    @Test
    void roundTripsThroughJson() {
        Backup backup = VeleroFixtures.completedBackup();

        Backup read = serialization.unmarshal(serialization.asJson(backup), Backup.class);

        assertThat(read.getSpec()).isEqualTo(backup.getSpec());
        assertThat(read.getStatus()).isEqualTo(backup.getStatus());
        assertThat(read.getMetadata().getName()).isEqualTo("nightly-20250301100000");
    }

    @Test
    void readsWhatVeleroWritesAndIgnoresUnknownFields() {
        String fromVelero = """
                {"apiVersion":"velero.io/v1","kind":"Backup",
                 "metadata":{"name":"b1","namespace":"velero","labels":{"velero.io/storage-location":"default"}},
                 "spec":{"includedNamespaces":["shop"],"ttl":"72h0m0s","hooks":{},"csiSnapshotTimeout":"10m0s",
                         "itemOperationTimeout":"4h0m0s","futureField":{"x":1}},
                 "status":{"phase":"PartiallyFailed","errors":2,"formatVersion":"1.1.0","version":1,
                           "backupItemOperationsAttempted":0,"hookStatus":{},
                           "failureReason":"","validationErrors":["bad"],
                           "progress":{"itemsBackedUp":3,"totalItems":5}}}
                """;

        Backup backup = serialization.unmarshal(fromVelero, Backup.class);

        assertThat(backup.getMetadata().getLabels()).containsEntry(VeleroLabels.STORAGE_LOCATION, "default");
        assertThat(backup.getSpec().getTtl()).isEqualTo("72h0m0s");
        assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.PARTIALLY_FAILED);
        assertThat(backup.getStatus().getPhase().isRestorable()).isTrue();
        assertThat(backup.getStatus().getErrors()).isEqualTo(2);
        assertThat(backup.getStatus().getValidationErrors()).containsExactly("bad");
        assertThat(backup.getStatus().getProgress().getItemsBackedUp()).isEqualTo(3);
    }

    @Test
    void unknownPhaseReadsAsUnknownInsteadOfFailing() {
        Backup backup = serialization.unmarshal(
                "{\"apiVersion\":\"velero.io/v1\",\"kind\":\"Backup\",\"status\":{\"phase\":\"Quantum\"}}", Backup.class);

        assertThat(backup.getStatus().getPhase()).isEqualTo(BackupPhase.UNKNOWN);
    }

    @Test
    void everyVeleroPhaseStringMapsToItsConstant() {
        assertThat(List.of("New", "FailedValidation", "InProgress", "WaitingForPluginOperations",
                "WaitingForPluginOperationsPartiallyFailed", "Finalizing", "FinalizingPartiallyFailed",
                "Completed", "PartiallyFailed", "Failed", "Deleting"))
                .allSatisfy(value -> assertThat(BackupPhase.fromValue(value).value()).isEqualTo(value));
    }

    @Test
    void crdCoordinatesComeFromTheAnnotations() {
        Backup backup = new Backup();
        backup.setMetadata(new ObjectMetaBuilder().withName("x").build());
        backup.setSpec(new BackupSpec());
        backup.getSpec().setLabelSelector(new LabelSelectorBuilder().addToMatchLabels("a", "b").build());

        assertThat(backup.getApiVersion()).isEqualTo(Velero.API_VERSION);
        assertThat(backup.getKind()).isEqualTo(Backup.KIND);
        assertThat(backup.getPlural()).isEqualTo("backups");
        assertThat(backup.getCRDName()).isEqualTo("backups.velero.io");
    }
}
