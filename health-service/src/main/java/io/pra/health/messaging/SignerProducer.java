package io.pra.health.messaging;

import io.pra.events.signing.EventSigner;
import io.pra.health.config.HealthConfig;
import io.pra.health.config.ObserverKeys;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The signer of this observer's events, made once from its key files ({@code pra.health.signing.*}). */
public class SignerProducer {

    @Produces
    @Singleton
    EventSigner signer(HealthConfig config) {
        return ObserverKeys.signer(config.signing());
    }
}
