package io.pra.velero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private final KubernetesSerialization serialization = new KubernetesSerialization();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesWithVeleroFieldNames() throws Exception {
        JsonNode json = mapper.readTree(serialization.asJson(VeleroFixtures.schedule()));

        assertThat(json.path("apiVersion").asText()).isEqualTo("velero.io/v1");
        assertThat(json.path("kind").asText()).isEqualTo("Schedule");
        JsonNode spec = json.path("spec");
        assertThat(spec.path("schedule").asText()).isEqualTo("*/5 * * * *");
        assertThat(spec.path("template").path("includedNamespaces")).hasSize(2);
        assertThat(spec.path("template").path("ttl").asText()).isEqualTo("720h0m0s");
        assertThat(spec.path("useOwnerReferencesInBackup").asBoolean(true)).isFalse();
        assertThat(spec.path("paused").asBoolean()).isTrue();
        assertThat(json.path("status").path("phase").asText()).isEqualTo("Enabled");
        assertThat(json.path("status").path("lastBackup").asText()).isEqualTo("2025-03-01T10:00:00Z");
    }

    @Test
    void unpausedIsLeftOutLikeGoOmitempty() throws Exception {
        Schedule schedule = VeleroFixtures.schedule();
        schedule.getSpec().setPaused(false);

        JsonNode json = mapper.readTree(serialization.asJson(schedule));

        assertThat(json.path("spec").has("paused")).isFalse();
    }

    @Test
    void roundTripsThroughJson() {
        Schedule schedule = VeleroFixtures.schedule();

        Schedule read = serialization.unmarshal(serialization.asJson(schedule), Schedule.class);

        assertThat(read.getSpec()).isEqualTo(schedule.getSpec());
        assertThat(read.getStatus()).isEqualTo(schedule.getStatus());
        assertThat(read.getPlural()).isEqualTo("schedules");
    }
}
