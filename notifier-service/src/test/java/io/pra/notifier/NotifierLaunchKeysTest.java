package io.pra.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.notifier.config.NotifierConfig;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.LaunchKeyCheck;
import io.pra.testkit.launch.NotifierLaunch;

/** Every key the test kit's {@link NotifierLaunch} renders is a setting this service reads: a rename fails here. */
class NotifierLaunchKeysTest {

    @Test
    void everyKeyOfALaunchWithEverySettingIsReadByTheService() {
        NotifierLaunch launch = new NotifierLaunch("notifier-service", 20_004, "127.0.0.1:9092",
                new Database("pra_notifier", "jdbc:postgresql://127.0.0.1:5432/pra_notifier", "pra", "secret"))
                .instance("notifier-1").failoverApiUrl(URI.create("http://127.0.0.1:20003"))
                .slackWebhook(URI.create("http://127.0.0.1:20005/services/T0/B0/x"))
                .emailChannel("email", List.of("oncall@pra.example"))
                .route(new NotifierLaunch.Route(List.of("pra.site.down", "pra.failover.*"), List.of("slack", "email")))
                .groupingWindow(Duration.ofSeconds(5)).maxAttempts(1000).initialBackoff(Duration.ofMillis(500))
                .maxBackoff(Duration.ofSeconds(1)).deliveryPollInterval(Duration.ofMillis(500))
                .smtp(new NotifierLaunch.Smtp("127.0.0.1", 2525, "DISABLED", "pra@pra.example"))
                .consumerGroup("notifier-restart");

        assertThat(LaunchKeyCheck.unsetSettings(launch)).as("settings left unset, so not checked").isEmpty();
        assertThat(LaunchKeyCheck.of(launch.settings()).mappings(NotifierConfig.class).problems()).isEmpty();
    }
}
