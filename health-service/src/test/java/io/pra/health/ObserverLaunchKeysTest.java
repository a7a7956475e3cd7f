package io.pra.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.health.config.HealthConfig;
import io.pra.testkit.launch.LaunchKeyCheck;
import io.pra.testkit.launch.ObserverLaunch;
import io.pra.testkit.launch.SigningKeyFiles;
import io.pra.testkit.launch.SiteAccess;

/** Every key the test kit's {@link ObserverLaunch} renders is a setting this service reads: a rename fails here. */
class ObserverLaunchKeysTest {

    @Test
    void everyKeyOfALaunchWithEverySettingIsReadByTheService() {
        ObserverLaunch launch = new ObserverLaunch("obs-a", 20_002, "127.0.0.1:9092").instance("obs-a")
                .observerId("obs-a").failureDomain("site-a").votes(Duration.ofSeconds(10), Duration.ofSeconds(2))
                .clockOffset(Duration.ofSeconds(-45))
                .signingKeys(new SigningKeyFiles(Path.of("/etc/pra/signing/private.pem"),
                        Path.of("/etc/pra/signing/public.pem")))
                .kubernetes("a", new ObserverLaunch.Kubernetes(
                        new SiteAccess(URI.create("http://127.0.0.1:6443"), "token-a"), Duration.ofSeconds(1)))
                .check("a", "every-field", new ObserverLaunch.Check("tcp", URI.create("http://127.0.0.1:8080/health"),
                        "127.0.0.1", 8080, List.of("shop"), Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 2));

        assertThat(LaunchKeyCheck.unsetSettings(launch)).as("settings left unset, so not checked").isEmpty();
        assertThat(LaunchKeyCheck.of(launch.settings()).mappings(HealthConfig.class).problems()).isEmpty();
    }
}
