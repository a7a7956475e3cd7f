package io.pra.testkit.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.pra.testkit.db.Database;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

class LaunchKeyCheckTest {

    /** A service's settings, as a service declares them. */
    @ConfigMapping(prefix = "pra.sample")
    interface SampleConfig {

        @WithDefault("1s")
        Duration pollInterval();

        Map<String, Site> sites();

        interface Site {

            Optional<String> url();
        }
    }

    /** A class that reads one setting by name. */
    static final class SampleRelay {

        SampleRelay(@ConfigProperty(name = "pra.relay.batch-size", defaultValue = "100") int batchSize) {
        }
    }

    private static final String APPLICATION_PROPERTIES = """
            kafka.bootstrap.servers=${PRA_KAFKA_BOOTSTRAP:localhost:9092}
            quarkus.datasource.jdbc.url=${PRA_SAMPLE_DB_URL:jdbc:postgresql://localhost:5432/pra}
            mp.messaging.incoming.sample-events.topic=pra.sample
            """;

    private static final Map<String, String> RIGHT = Map.of(
            "pra.sample.poll-interval", "PT0.5S",
            "pra.sample.sites.a.url", "http://127.0.0.1:6443",
            "pra.relay.batch-size", "10",
            "quarkus.log.level", "INFO",
            "mp.messaging.incoming.sample-events.group.id", "sample-group");

    @Test
    void keysTheServiceReadsPass() {
        assertThat(check(RIGHT, Map.of("PRA_KAFKA_BOOTSTRAP", "127.0.0.1:9092", "PRA_SAMPLE_DB_URL", "jdbc:x"))
                .problems()).isEmpty();
    }

    @Test
    void aMisspelledKeyOfAMappingFails() {
        assertThat(problemsWith("pra.sample.pol-interval", "PT1S")).singleElement().asString()
                .contains("pra.sample.pol-interval");
    }

    @Test
    void aMisspelledKeyInsideAMapFails() {
        assertThat(problemsWith("pra.sample.sites.a.ulr", "http://127.0.0.1:6443")).singleElement().asString()
                .contains("pra.sample.sites.a.ulr");
    }

    @Test
    void aPraKeyUnderNoPrefixOfTheServiceFails() {
        assertThat(problemsWith("pra.smaple.poll-interval", "PT1S")).singleElement().asString()
                .contains("pra.smaple.poll-interval").contains("no config mapping");
    }

    @Test
    void aValueTheMappingCannotConvertFails() {
        assertThat(problemsWith("pra.sample.poll-interval", "soon")).singleElement().asString().contains("soon");
    }

    @Test
    void anUnknownQuarkusSettingFails() {
        assertThat(problemsWith("quarkus.log.levl", "INFO")).singleElement().asString()
                .contains("quarkus.log.levl").contains("no Quarkus extension");
    }

    @Test
    void aQuarkusSettingFixedAtBuildTimeFails() {
        assertThat(problemsWith("quarkus.log.category.\"kafka\".min-level", "WARN")).singleElement().asString()
                .contains("fixed at build time");
    }

    @Test
    void aChannelTheServiceDoesNotHaveFails() {
        assertThat(problemsWith("mp.messaging.incoming.sample-event.group.id", "g")).singleElement().asString()
                .contains("no channel mp.messaging.incoming.sample-event.");
    }

    @Test
    void anEnvironmentVariableTheServiceDoesNotReadFails() {
        assertThat(check(RIGHT, Map.of("PRA_SAMPLE_DB_USR", "pra")).problems()).singleElement().asString()
                .contains("PRA_SAMPLE_DB_USR");
    }

    @Test
    void theLaunchesRenderTheirConnectionSettingsAsTheServicesReadThem() {
        Database db = new Database("pra_backup", "jdbc:postgresql://127.0.0.1:5432/pra_backup", "pra", null);
        LaunchSettings settings = new BackupLaunch("backup", 20001, "127.0.0.1:9092", db).settings();

        assertThat(settings.properties()).containsEntry("quarkus.http.port", "20001")
                .containsEntry("quarkus.http.host", "127.0.0.1")
                .containsEntry("quarkus.datasource.jdbc.acquisition-timeout", "PT1M");
        assertThat(settings.environment()).containsEntry("PRA_KAFKA_BOOTSTRAP", "127.0.0.1:9092")
                .containsEntry("PRA_BACKUP_DB_URL", db.jdbcUrl()).containsEntry("PRA_BACKUP_DB_USER", "pra")
                .containsEntry("PRA_BACKUP_DB_PASSWORD", "");
        assertThat(settings.systemProperties()).contains("-Dquarkus.http.port=20001");
    }

    @Test
    void unsetSettingsNamesEveryFieldAndRecordComponentLeftEmpty() {
        ObserverLaunch observer = new ObserverLaunch("obs", 20002, "127.0.0.1:9092").instance("obs")
                .check("a", "web", ObserverLaunch.Check.http(URI.create("http://127.0.0.1/")));

        assertThat(LaunchKeyCheck.unsetSettings(observer)).contains("observerId", "kubernetes",
                "checks.a.web.interval", "checks.a.web.namespaces").doesNotContain("instance", "checks.a.web.url");
    }

    private static List<String> problemsWith(String key, String value) {
        Map<String, String> properties = new LinkedHashMap<>(RIGHT);
        properties.put(key, value);
        return check(properties, Map.of()).problems();
    }

    private static LaunchKeyCheck check(Map<String, String> properties, Map<String, String> environment) {
        return LaunchKeyCheck.of(new LaunchSettings(properties, environment)).mappings(SampleConfig.class)
                .readBy(SampleRelay.class).applicationProperties(APPLICATION_PROPERTIES);
    }
}
