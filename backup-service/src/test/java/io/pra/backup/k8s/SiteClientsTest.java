package io.pra.backup.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.fabric8.kubernetes.client.Config;
import io.pra.backup.config.BackupConfig;

class SiteClientsTest {

    @Test
    void urlAndTokenMakeAClientWithTheConfiguredTimeouts() {
        Config config = SiteClients.clientConfig("a",
                site(Optional.of("https://api.a.example:6443"), Optional.of("t0ken"), Optional.empty(), Optional.empty()),
                backupConfig());

        assertThat(config.getMasterUrl()).startsWith("https://api.a.example:6443");
        assertThat(config.getOauthToken()).isEqualTo("t0ken");
        assertThat(config.getNamespace()).isEqualTo("velero");
        assertThat(config.getConnectionTimeout()).isEqualTo(3_000);
        assertThat(config.getRequestTimeout()).isEqualTo(7_000);
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

        Config config = SiteClients.clientConfig("b", site(Optional.empty(), Optional.empty(),
                Optional.of(kubeconfig.toString()), Optional.of("site-b")), backupConfig());

        assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:6443");
        assertThat(config.getAutoOAuthToken()).isEqualTo("fake-token-b");
        assertThat(config.getRequestTimeout()).isEqualTo(7_000);
    }

    @Test
    void aSiteWithoutUrlOrKubeconfigIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> SiteClients.clientConfig("a", site(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty()), backupConfig()))
                .hasMessageContaining("pra.backup.sites.a.url");
    }

    private static BackupConfig.Site site(Optional<String> url, Optional<String> token, Optional<String> kubeconfig,
            Optional<String> context) {
        return new BackupConfig.Site() {
            public Optional<String> url() {
                return url;
            }

            public Optional<String> token() {
                return token;
            }

            public Optional<String> caCertFile() {
                return Optional.empty();
            }

            public Optional<String> kubeconfig() {
                return kubeconfig;
            }

            public Optional<String> context() {
                return context;
            }
        };
    }

    private static BackupConfig backupConfig() {
        BackupConfig.Kubernetes kubernetes = new BackupConfig.Kubernetes() {
            public Duration connectTimeout() {
                return Duration.ofSeconds(3);
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(7);
            }

            public Duration watchReconnectInterval() {
                return Duration.ofSeconds(1);
            }

            public Duration resyncPeriod() {
                return Duration.ofSeconds(60);
            }
        };
        return new BackupConfig() {
            public String instance() {
                return "test";
            }

            public String sourceSite() {
                return "a";
            }

            public String veleroNamespace() {
                return "velero";
            }

            public Map<String, Site> sites() {
                return Map.of();
            }

            public Map<String, Group> groups() {
                return Map.of();
            }

            public Kubernetes kubernetes() {
                return kubernetes;
            }

            public Rpo rpo() {
                throw new UnsupportedOperationException("not used by site clients");
            }
        };
    }
}
