package io.pra.health.api;

import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.signing.EventSigner;
import io.pra.health.config.HealthConfig;
import io.pra.kit.api.ServiceInfo;

/** What {@code GET /api/v1/info} shows of this observer (no secrets). */
public class InfoProducer {

    @Produces
    @Singleton
    ServiceInfo serviceInfo(HealthConfig config, EventSigner signer) {
        // The key id names the public key (what failover-service is given), never the private one.
        return new ServiceInfo("health-service", config.instance(), Map.of("observerId", config.observerId(),
                "failureDomain", config.failureDomain(), "sites", config.sites().keySet().stream().sorted().toList(),
                "signingKeyId", signer.keyId()));
    }
}
