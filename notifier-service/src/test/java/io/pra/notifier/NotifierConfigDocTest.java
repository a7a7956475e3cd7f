package io.pra.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.config.ProcessedEventsConfig;
import io.pra.notifier.config.RetentionConfig;
import io.pra.testkit.docs.ConfigurationDocs;

class NotifierConfigDocTest {

    @Test
    void everySettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.notifier", NotifierConfig.class));
    }

    @Test
    void everyKitSettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.retention", RetentionConfig.class))
                .containsAll(ConfigurationDocs.declaredProperties("pra.processed-events", ProcessedEventsConfig.class));
    }
}
