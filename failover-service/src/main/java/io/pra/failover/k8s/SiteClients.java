package io.pra.failover.k8s;

import java.io.File;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pra.failover.config.FailoverConfig;

/**
 * One fabric8 client per configured site, built from PRA's own settings (never the default injected client),
 * each with connect and request timeouts so a lost source site cannot block work on the target.
 */
@Singleton
public class SiteClients {

    private final Map<String, KubernetesClient> clients = new TreeMap<>();

    SiteClients(FailoverConfig config) {
        config.sites().forEach((id, site) -> clients.put(id,
                new KubernetesClientBuilder().withConfig(clientConfig(id, site, config.kubernetes())).build()));
    }

    /** The client of a configured site. */
    public KubernetesClient client(String siteId) {
        KubernetesClient client = clients.get(siteId);
        if (client == null) {
            throw new IllegalArgumentException("no site '" + siteId + "' configured (pra.failover.sites." + siteId
                    + ".url or .kubeconfig)");
        }
        return client;
    }

    /** Ids of the configured sites. */
    public Set<String> siteIds() {
        return clients.keySet();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(KubernetesClient::close);
    }

    static Config clientConfig(String id, FailoverConfig.Site site, FailoverConfig.Kubernetes timeouts) {
        String prefix = "pra.failover.sites." + id + ".";
        ConfigBuilder builder;
        if (site.kubeconfig().isPresent()) {
            File file = new File(site.kubeconfig().get());
            if (!file.canRead()) {
                throw new IllegalStateException(prefix + "kubeconfig: cannot read " + file);
            }
            builder = new ConfigBuilder(Config.fromKubeconfig(site.context().orElse(null), file));
        } else {
            String url = site.url().orElseThrow(() -> new IllegalStateException(
                    prefix + "url (or " + prefix + "kubeconfig) must be set"));
            String token = site.token().orElseThrow(() -> new IllegalStateException(
                    prefix + "token must be set with " + prefix + "url"));
            builder = new ConfigBuilder(Config.empty()).withMasterUrl(url).withOauthToken(token);
            site.caCertFile().ifPresent(builder::withCaCertFile);
        }
        return builder
                .withConnectionTimeout((int) timeouts.connectTimeout().toMillis())
                .withRequestTimeout((int) timeouts.requestTimeout().toMillis())
                .withRequestRetryBackoffLimit(0)
                .withHttp2Disable(true)
                .build();
    }
}
