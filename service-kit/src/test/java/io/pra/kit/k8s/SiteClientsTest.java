package io.pra.kit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.Config;

class SiteClientsTest {

    private static final SiteClientOptions OPTIONS = SiteClientOptions.of("pra.backup.sites.%s.",
            Duration.ofSeconds(3), Duration.ofSeconds(7));

    @Test
    void urlAndTokenMakeAClientWithTheConfiguredTimeouts() {
        Config config = SiteClients.clientConfig("a", SiteConnection.of(Optional.of("https://api.a.example:6443"),
                Optional.of("t0ken"), Optional.empty(), Optional.empty(), Optional.empty()),
                OPTIONS.withNamespace("velero").withWatchReconnect(Duration.ofSeconds(1)).withRetries(1));

        assertThat(config.getMasterUrl()).startsWith("https://api.a.example:6443");
        assertThat(config.getOauthToken()).isEqualTo("t0ken");
        assertThat(config.getNamespace()).isEqualTo("velero");
        assertThat(config.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(config.getRequestTimeout()).isEqualTo(7_000);
        assertThat(config.getWatchReconnectInterval()).isEqualTo(1_000);
        assertThat(config.getWatchReconnectLimit()).isEqualTo(-1);
        assertThat(config.getRequestRetryBackoffLimit()).isEqualTo(1);
        assertThat(config.isHttp2Disable()).isTrue();
    }

    @Test
    void aKubeconfigContextCanBeUsedInstead(@TempDir Path dir) throws Exception {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: b
                  cluster:
                    server: http://127.0.0.1:6443
                users:
                - name: pra
                  user:
                    token: fake-token-b
                contexts:
                - name: site-b
                  context:
                    cluster: b
                    user: pra
                current-context: site-b
                """);

        Config config = SiteClients.clientConfig("b", SiteConnection.of(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(kubeconfig.toString()), Optional.of("site-b")), OPTIONS);

        assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6443");
        assertThat(config.getAutoOAuthToken()).isEqualTo("fake-token-b");
        assertThat(config.getRequestTimeout()).isEqualTo(7_000);
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
    }

    @Test
    void aSiteWithoutUrlOrKubeconfigIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SiteClients.clientConfig("a", SiteConnection.of(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty()), OPTIONS))
                .hasMessageContaining("pra.backup.sites.a.url");
    }

    @Test
    void aUrlWithoutTokenIsRefusedUnlessTheServiceAllowsIt() {
        SiteConnection anonymous = SiteConnection.of(Optional.of("http://127.0.0.1:6443"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());

        assertThatThrownBy(() -> SiteClients.clientConfig("a", anonymous, OPTIONS))
                .hasMessage("pra.backup.sites.a.token must be set with pra.backup.sites.a.url");
        assertThat(SiteClients.clientConfig("a", anonymous, SiteClientOptions.of("pra.health.sites.%s.kubernetes.",
                Duration.ofSeconds(5), Duration.ofSeconds(5)).withUrlSetting("api-url", false)).getOauthToken())
                .isNull();
    }

    @Test
    void anUnreadableKubeconfigIsRefusedNamingTheSetting(@TempDir Path dir) {
        SiteConnection missing = SiteConnection.of(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(dir.resolve("absent").toString()), Optional.empty());

        assertThatThrownBy(() -> SiteClients.clientConfig("b", missing, OPTIONS))
                .hasMessageStartingWith("pra.backup.sites.b.kubeconfig: cannot read");
    }
}
