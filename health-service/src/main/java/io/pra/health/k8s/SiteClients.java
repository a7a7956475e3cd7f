package io.pra.health.k8s;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pra.health.config.HealthConfig;
import io.pra.health.config.InvalidHealthConfigException;
import io.pra.health.config.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fabric8 client and one small thread pool per site, built from the service's own settings (never the default
 * injected client). fabric8's calls block, so each site's run on its own threads: a hung API server ties up only its
 * own site's pool, and every call is bounded by the site's request timeout.
 */
public final class SiteClients implements AutoCloseable {

    private final Map<String, SiteClient> clients = new ConcurrentHashMap<>();
    private final HealthConfig config;

    public SiteClients(HealthConfig config) {
        this.config = config;
    }

    /** A site's client and pool, built on first use. */
    public SiteClient site(String site) {
        return clients.computeIfAbsent(site, id -> {
            SiteConfig siteConfig = config.sites().get(id);
            if (siteConfig == null) {
                throw new IllegalArgumentException("site " + id + " is not configured");
            }
            AtomicInteger threads = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(config.kubernetesThreadsPerSite(), task -> {
                Thread thread = new Thread(task, "k8s-" + id + "-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            return new SiteClient(id, new KubernetesClientBuilder().withConfig(clientConfig(id, siteConfig.kubernetes())).build(), pool);
        });
    }

    static Config clientConfig(String site, SiteConfig.KubernetesConfig kubernetes) {
        int timeoutMillis = (int) kubernetes.requestTimeout().toMillis();
        ConfigBuilder builder;
        if (kubernetes.apiUrl().isPresent()) {
            builder = new ConfigBuilder(Config.empty()).withMasterUrl(kubernetes.apiUrl().get());
            kubernetes.token().ifPresent(builder::withOauthToken);
            kubernetes.caFile().ifPresent(builder::withCaCertFile);
        } else {
            Path file = Path.of(kubernetes.kubeconfig().orElseThrow());
            try {
                builder = new ConfigBuilder(Config.fromKubeconfig(kubernetes.context().orElse(null), Files.readString(file),
                        file.toString()));
            } catch (IOException e) {
                throw new InvalidHealthConfigException("pra.health.sites." + site + ".kubernetes.kubeconfig: cannot read "
                        + file + ": " + e.getMessage());
            }
        }
        return builder.withRequestTimeout(timeoutMillis).withConnectionTimeout(timeoutMillis)
                .withRequestRetryBackoffLimit(0).withHttp2Disable(true).build();
    }

    @Override
    public void close() {
        clients.values().forEach(SiteClient::close);
    }

    /**
     * One site's client and its threads.
     *
     * @param site   site id
     * @param client the fabric8 client
     * @param pool   threads for its blocking calls
     */
    public record SiteClient(String site, KubernetesClient client, ExecutorService pool) {

        void close() {
            pool.shutdownNow();
            client.close();
        }
    }
}
