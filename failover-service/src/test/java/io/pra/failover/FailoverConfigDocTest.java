package io.pra.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.config.OutboxConfig;
import io.pra.failover.config.ProcessedEventsConfig;
import io.pra.failover.config.RetentionConfig;
import io.pra.testkit.docs.ConfigurationDocs;

class FailoverConfigDocTest {

    @Test
    void everySettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.failover", FailoverConfig.class));
    }

    @Test
    void everyKitSettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.outbox", OutboxConfig.class))
                .containsAll(ConfigurationDocs.declaredProperties("pra.retention", RetentionConfig.class))
                .containsAll(ConfigurationDocs.declaredProperties("pra.processed-events", ProcessedEventsConfig.class));
    }
}
