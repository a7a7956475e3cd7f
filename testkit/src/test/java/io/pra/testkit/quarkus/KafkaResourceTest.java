package io.pra.testkit.quarkus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KafkaResourceTest {

    @Test
    void parsesTopicsWithPartitionCounts() {
        assertThat(KafkaResource.parseTopics("pra.health:3, pra.failover:1"))
                .containsExactly(java.util.Map.entry("pra.health", 3), java.util.Map.entry("pra.failover", 1));
        assertThat(KafkaResource.parseTopics("")).isEmpty();
    }

    @Test
    void rejectsATopicWithoutAPartitionCount() {
        assertThatThrownBy(() -> KafkaResource.parseTopics("pra.health"))
                .hasMessageContaining("expected name:partitions, got 'pra.health'");
        assertThatThrownBy(() -> KafkaResource.parseTopics("pra.health:0"))
                .hasMessageContaining("pra.health:0");
    }
}
