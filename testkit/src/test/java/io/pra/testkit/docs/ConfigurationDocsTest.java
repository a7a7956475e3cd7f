package io.pra.testkit.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationDocsTest {

    /** A mapping shaped like the services' ones. */
    interface SampleConfig {
        String instance();

        Optional<String> sourceSite();

        Group probeGroup();

        interface Group {
            int failureThreshold();
        }
    }

    @Test
    void namesLeavesInKebabCaseWithNestedGroups() {
        assertThat(ConfigurationDocs.declaredProperties("pra.x", SampleConfig.class))
                .containsExactly("pra.x.instance", "pra.x.probe-group.failure-threshold", "pra.x.source-site");
    }

    @Test
    void readsTheFirstColumnOfTables(@TempDir Path dir) throws IOException {
        Path doc = dir.resolve("configuration.md");
        Files.writeString(doc, """
                | name | env | default | meaning |
                |---|---|---|---|
                | `pra.x.instance` | `PRA_X_INSTANCE` | `x-1` | id |
                | `pra.x.source-site` | `PRA_X_SOURCE_SITE` | `a` | site |
                Some prose mentioning `pra.x.not-a-row`.
                """);

        assertThat(ConfigurationDocs.documentedProperties(doc)).containsExactly("pra.x.instance", "pra.x.source-site");
    }

    @Test
    void kebabCasesCamelNames() {
        assertThat(ConfigurationDocs.kebab("veleroNamespace")).isEqualTo("velero-namespace");
        assertThat(ConfigurationDocs.kebab("instance")).isEqualTo("instance");
    }
}
