package io.pra.velero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class BackupStorageLocationTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesWithVeleroFieldNames() throws Exception {
        JsonNode json = mapper.readTree(serialization.asJson(VeleroFixtures.storageLocation()));

        assertThat(json.path("apiVersion").asText()).isEqualTo("velero.io/v1");
        assertThat(json.path("kind").asText()).isEqualTo("BackupStorageLocation");
        JsonNode spec = json.path("spec");
        assertThat(spec.path("provider").asText()).isEqualTo("aws");
        assertThat(spec.path("objectStorage").path("bucket").asText()).isEqualTo("pra-backups");
        assertThat(spec.path("objectStorage").path("prefix").asText()).isEqualTo("site-a");
        assertThat(spec.path("config").path("region").asText()).isEqualTo("eu-west-3");
        assertThat(spec.path("accessMode").asText()).isEqualTo("ReadOnly");
        assertThat(spec.path("backupSyncPeriod").asText()).isEqualTo("1m0s");
        assertThat(spec.path("default").asBoolean()).isTrue();
        JsonNode status = json.path("status");
        assertThat(status.path("phase").asText()).isEqualTo("Available");
        assertThat(status.path("lastSyncedTime").asText()).isEqualTo("2025-03-01T10:00:00Z");
        assertThat(status.path("lastValidationTime").asText()).isEqualTo("2025-03-01T10:00:05Z");
    }

    @Test
    void roundTripsThroughJson() {
        BackupStorageLocation location = VeleroFixtures.storageLocation();

        BackupStorageLocation read = serialization.unmarshal(serialization.asJson(location), BackupStorageLocation.class);

        assertThat(read.getSpec()).isEqualTo(location.getSpec());
        assertThat(read.getStatus()).isEqualTo(location.getStatus());
        assertThat(read.getPlural()).isEqualTo("backupstoragelocations");
    }

    @Test
    void readsWhatVeleroWritesAndIgnoresUnknownFields() {
        String fromVelero = """
                {"apiVersion":"velero.io/v1","kind":"BackupStorageLocation","metadata":{"name":"default"},
                 "spec":{"provider":"aws","objectStorage":{"bucket":"b"},"credential":{"name":"c","key":"k"}},
                 "status":{"phase":"Unavailable","lastSyncedRevision":"x","message":"denied"}}
                """;

        BackupStorageLocation location = serialization.unmarshal(fromVelero, BackupStorageLocation.class);

        assertThat(location.getSpec().getObjectStorage().getBucket()).isEqualTo("b");
        assertThat(location.getStatus().getPhase()).isEqualTo(BackupStorageLocationPhase.UNAVAILABLE);
        assertThat(location.getStatus().getMessage()).isEqualTo("denied");
    }
}
