package io.pra.health.k8s;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pra.health.config.HealthConfig;
import io.pra.health.config.InvalidHealthConfigException;
import io.pra.health.config.SiteConfig;
import io.pra.kit.k8s.SiteClientOptions;
import io.pra.kit.k8s.SiteClients;
import io.pra.kit.k8s.SiteConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One fabric8 client (the service kit's, from this service's settings) and one small thread pool per site. fabric8's
 * calls block, so each site's run on its own threads: a hung API server ties up only its own site's pool, and every
 * call is bounded by the site's request timeout.
 */
public final class SiteClientPools implements AutoCloseable {

    private final Map<String, SiteClient> clients = new ConcurrentHashMap<>();
    private final HealthConfig config;

    public SiteClientPools(HealthConfig config) {
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
            return new SiteClient(id, client(id, siteConfig.kubernetes()), pool);
        });
    }

    private static KubernetesClient client(String site, SiteConfig.KubernetesConfig kubernetes) {
        SiteConnection connection = SiteConnection.of(kubernetes.apiUrl(), kubernetes.token(), kubernetes.caFile(),
                kubernetes.kubeconfig(), kubernetes.context());
        // One bound for connecting and for the request: a probe has a single timeout. Anonymous access is allowed
        // (a read-only API behind a proxy); the settings are named as this service names them.
        SiteClientOptions options = SiteClientOptions.of("pra.health.sites.%s.kubernetes.", kubernetes.requestTimeout(),
                kubernetes.requestTimeout()).withUrlSetting("api-url", false);
        try {
            return SiteClients.client(site, connection, options);
        } catch (IllegalStateException e) {
            throw new InvalidHealthConfigException(e.getMessage());
        }
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
