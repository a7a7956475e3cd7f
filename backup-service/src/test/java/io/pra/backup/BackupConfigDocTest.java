package io.pra.backup;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pra.backup.config.BackupConfig;
import io.pra.backup.config.OutboxConfig;
import io.pra.backup.config.RetentionConfig;
import io.pra.testkit.docs.ConfigurationDocs;

class BackupConfigDocTest {

    @Test
    void everySettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.backup", BackupConfig.class));
    }

    @Test
    void everyOutboxSettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.outbox", OutboxConfig.class));
    }

    @Test
    void everyRetentionSettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.retention", RetentionConfig.class));
    }
}
