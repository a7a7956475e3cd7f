package io.pra.backup.k8s;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.backup.config.BackupConfig;
import io.pra.kit.k8s.SiteClientOptions;
import io.pra.kit.k8s.SiteClients;

/**
 * The sites' clients, defaulting to Velero's namespace; informers re-open lost watches forever, and a failed request
 * is retried once, since a watch or a Schedule write that fails is retried by the service anyway.
 */
public class SiteClientsProducer {

    @Produces
    @Singleton
    SiteClients siteClients(BackupConfig config) {
        BackupConfig.Kubernetes kubernetes = config.kubernetes();
        return SiteClients.connect(config.sites(), SiteClientOptions.of("pra.backup.sites.%s.",
                kubernetes.connectTimeout(), kubernetes.requestTimeout())
                .withNamespace(config.veleroNamespace())
                .withWatchReconnect(kubernetes.watchReconnectInterval())
                .withRetries(1));
    }

    void close(@Disposes SiteClients clients) {
        clients.close();
    }
}
