package io.pra.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.backup.config.BackupConfig;
import io.pra.backup.config.OutboxConfig;
import io.pra.backup.config.RetentionConfig;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.BackupLaunch;
import io.pra.testkit.launch.LaunchKeyCheck;
import io.pra.testkit.launch.SiteAccess;

/** Every key the test kit's {@link BackupLaunch} renders is a setting this service reads: a rename fails here. */
class BackupLaunchKeysTest {

    @Test
    void everyKeyOfALaunchWithEverySettingIsReadByTheService() {
        BackupLaunch launch = new BackupLaunch("backup-service", 20_001, "127.0.0.1:9092",
                new Database("pra_backup", "jdbc:postgresql://127.0.0.1:5432/pra_backup", "pra", "secret"))
                .instance("backup-1").sourceSite("a")
                .site("a", new SiteAccess(URI.create("http://127.0.0.1:6443"), "token-a"))
                .group("sample", new BackupLaunch.Group(List.of("shop", "billing"), "@every 10m",
                        Duration.ofMinutes(15), List.of("b")))
                .kubernetesTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3))
                .resyncPeriod(Duration.ofSeconds(10)).rpoEvaluationInterval(Duration.ofSeconds(2))
                .outboxPollInterval(Duration.ofMillis(500));

        assertThat(LaunchKeyCheck.unsetSettings(launch)).as("settings left unset, so not checked").isEmpty();
        assertThat(LaunchKeyCheck.of(launch.settings()).mappings(BackupConfig.class, OutboxConfig.class,
                RetentionConfig.class).problems())
                .isEmpty();
    }
}
