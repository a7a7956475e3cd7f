package io.pra.failover;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pra.failover.config.FailoverConfig;
import io.pra.testkit.docs.ConfigurationDocs;

class FailoverConfigDocTest {

    @Test
    void everySettingIsInDocsConfiguration() {
        assertThat(ConfigurationDocs.documentedProperties(ConfigurationDocs.locate()))
                .containsAll(ConfigurationDocs.declaredProperties("pra.failover", FailoverConfig.class));
    }
}
