package io.pra.failover.cutover;

import java.net.URI;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.failover.config.FailoverConfig;
import io.pra.kit.k8s.SiteClients;

/** Builds the configured traffic switch; a missing setting is named when the executor starts. */
public class TrafficSwitchProducer {

    @Produces
    @Singleton
    TrafficSwitch trafficSwitch(FailoverConfig config, SiteClients clients) {
        FailoverConfig.Cutover cutover = config.cutover();
        return switch (cutover.strategy()) {
            case DNS_ENDPOINT -> new DnsEndpointSwitch(clients.client(config.targetSite()),
                    cutover.dnsEndpoint().namespace(), cutover.dnsEndpoint().name(),
                    cutover.dnsEndpoint().targets().orElseThrow(() -> new IllegalStateException(
                            "pra.failover.cutover.dns-endpoint.targets must list the target site's addresses "
                                    + "when pra.failover.cutover.strategy is DNS_ENDPOINT")));
            case WEBHOOK -> new WebhookSwitch(URI.create(cutover.webhook().url().orElseThrow(
                    () -> new IllegalStateException("pra.failover.cutover.webhook.url must be set when "
                            + "pra.failover.cutover.strategy is WEBHOOK"))),
                    cutover.webhook().attempts(), cutover.webhook().backoff(), config.execution().cutoverTimeout());
        };
    }
}
