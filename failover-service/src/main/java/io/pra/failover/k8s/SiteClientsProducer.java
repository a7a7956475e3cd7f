package io.pra.failover.k8s;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.failover.config.FailoverConfig;
import io.pra.kit.k8s.SiteClientOptions;
import io.pra.kit.k8s.SiteClients;

/**
 * The sites' clients, with no retry of a failed request: every step bounds and retries its own calls, and a lost
 * source site must fail fast so FENCE_SOURCE can be skipped.
 */
public class SiteClientsProducer {

    @Produces
    @Singleton
    SiteClients siteClients(FailoverConfig config) {
        return SiteClients.connect(config.sites(), SiteClientOptions.of("pra.failover.sites.%s.",
                config.kubernetes().connectTimeout(), config.kubernetes().requestTimeout()));
    }

    void close(@Disposes SiteClients clients) {
        clients.close();
    }
}
