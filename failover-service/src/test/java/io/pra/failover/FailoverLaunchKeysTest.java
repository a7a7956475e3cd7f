package io.pra.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pra.failover.config.FailoverConfig;
import io.pra.failover.config.OutboxConfig;
import io.pra.failover.config.ProcessedEventsConfig;
import io.pra.failover.config.RetentionConfig;
import io.pra.testkit.db.Database;
import io.pra.testkit.launch.FailoverLaunch;
import io.pra.testkit.launch.LaunchKeyCheck;
import io.pra.testkit.launch.SiteAccess;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;

/** Every key the test kit's {@link FailoverLaunch} renders is a setting this service reads: a rename fails here. */
class FailoverLaunchKeysTest {

    @Test
    void everyKeyOfALaunchWithEverySettingIsReadByTheService() {
        FailoverLaunch launch = new FailoverLaunch("failover-service", 20_003, "127.0.0.1:9092",
                new Database("pra_failover", "jdbc:postgresql://127.0.0.1:5432/pra_failover", "pra", "secret"))
                .instance("failover-1").sites("a", "b")
                .observer("obs-1", new FailoverLaunch.Observer("site-a", Path.of("/tmp/obs-1.pub.pem")))
                .observer("obs-2", new FailoverLaunch.Observer("witness", Path.of("/tmp/obs-2.pub.pem")))
                .quorum(2).quorumDomains(2).allowedClockSkew(Duration.ofSeconds(30))
                .voteTtl(Duration.ofSeconds(10)).mode("MANUAL").cooldown(Duration.ZERO)
                .dataLossBudget(Duration.ofMinutes(15)).objectives(Duration.ofHours(2), Duration.ofMinutes(15))
                .outboxPollInterval(Duration.ofMillis(500))
                .operatorTokens("https://pra.test/issuer", Path.of("/tmp/operator-public-key.pem"))
                .approval(Duration.ofMinutes(10), Duration.ofSeconds(1))
                .site("b", new SiteAccess(URI.create("http://127.0.0.1:6443"), "token-b"))
                .kubernetesTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(3)).executionEnabled(true)
                .executorIntervals(Duration.ofMillis(500), Duration.ofSeconds(1))
                .protectedNamespaces(List.of("shop", "billing"))
                .phaseTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(1), Duration.ofSeconds(30))
                .lockTimeout(Duration.ofSeconds(15))
                .dnsEndpointCutover(new FailoverLaunch.DnsEndpoint("pra-traffic", "default", List.of("10.2.0.10")))
                .drillCron("0 0 3 ? * SUN");

        assertThat(LaunchKeyCheck.unsetSettings(launch)).as("settings left unset, so not checked").isEmpty();
        assertThat(LaunchKeyCheck.of(launch.settings()).mappings(FailoverConfig.class, OutboxConfig.class,
                ProcessedEventsConfig.class, RetentionConfig.class).readBy(JWTAuthContextInfoProvider.class)
                .problems()).isEmpty();
    }
}
