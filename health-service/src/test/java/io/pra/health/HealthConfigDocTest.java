package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pra.health.config.HealthConfig;
import io.pra.testkit.docs.ConfigurationDocs;

class HealthConfigDocTest {

    @Test
    void everySettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.health", HealthConfig.class));
    }
}
