package io.pra.kit.k8s;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * One fabric8 client per configured site, built from PRA's own settings (never the default injected client), each
 * bounded by the options' timeouts so a lost site cannot block work on another.
 */
public final class SiteClients implements AutoCloseable {

    private final Map<String, KubernetesClient> clients;
    private final SiteClientOptions options;

    private SiteClients(Map<String, KubernetesClient> clients, SiteClientOptions options) {
        this.clients = clients;
        this.options = options;
    }

    /** Builds a client for each site; a site whose settings are incomplete is refused, naming the setting. */
    public static SiteClients connect(Map<String, ? extends SiteConnection> sites, SiteClientOptions options) {
        Map<String, KubernetesClient> clients = new TreeMap<>();
        sites.forEach((id, site) -> clients.put(id, client(id, site, options)));
        return new SiteClients(clients, options);
    }

    /** One site's client, for a service that builds them on demand. */
    public static KubernetesClient client(String siteId, SiteConnection site, SiteClientOptions options) {
        return new KubernetesClientBuilder().withConfig(clientConfig(siteId, site, options)).build();
    }

    /** The client of a configured site. */
    public KubernetesClient client(String siteId) {
        KubernetesClient client = clients.get(siteId);
        if (client == null) {
            throw new IllegalArgumentException("no site '" + siteId + "' configured ("
                    + options.setting(siteId, options.urlSetting()) + " or kubeconfig)");
        }
        return client;
    }

    /** Ids of the configured sites. */
    public Set<String> siteIds() {
        return clients.keySet();
    }

    @Override
    public void close() {
        clients.values().forEach(KubernetesClient::close);
    }

    /** The fabric8 configuration of one site: its connection settings bounded by the options. */
    public static Config clientConfig(String siteId, SiteConnection site, SiteClientOptions options) {
        ConfigBuilder builder = site.url().isPresent() ? fromUrl(siteId, site, options)
                : fromKubeconfig(siteId, site, options);
        options.namespace().ifPresent(builder::withNamespace);
        options.watchReconnectInterval().ifPresent(interval -> builder
                .withWatchReconnectInterval((int) interval.toMillis())
                .withWatchReconnectLimit(-1));
        return builder
                .withConnectionTimeout((int) options.connectTimeout().toMillis())
                .withRequestTimeout((int) options.requestTimeout().toMillis())
                .withRequestRetryBackoffLimit(options.requestRetryBackoffLimit())
                // HTTP/1.1: one stuck stream must not stall every call to the site over a shared connection.
                .withHttp2Disable(true)
                .build();
    }

    private static ConfigBuilder fromUrl(String siteId, SiteConnection site, SiteClientOptions options) {
        if (options.tokenRequired() && site.token().isEmpty()) {
            throw new IllegalStateException(options.setting(siteId, "token") + " must be set with "
                    + options.setting(siteId, options.urlSetting()));
        }
        ConfigBuilder builder = new ConfigBuilder(Config.empty()).withMasterUrl(site.url().get());
        site.token().ifPresent(builder::withOauthToken);
        site.caCertFile().ifPresent(builder::withCaCertFile);
        return builder;
    }

    private static ConfigBuilder fromKubeconfig(String siteId, SiteConnection site, SiteClientOptions options) {
        String setting = options.setting(siteId, "kubeconfig");
        Path file = Path.of(site.kubeconfig().orElseThrow(() -> new IllegalStateException(
                options.setting(siteId, options.urlSetting()) + " (or " + setting + ") must be set")));
        try {
            return new ConfigBuilder(Config.fromKubeconfig(site.context().orElse(null), Files.readString(file),
                    file.toString()));
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
