package io.pra.notifier.service;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.EventCodec;
import io.pra.kit.api.ServiceInfo;
import io.pra.notifier.config.NotifierConfig;
import io.pra.notifier.domain.NotificationFactory;
import io.pra.notifier.domain.RetryPolicy;

/** The framework-free pieces and what {@code /api/v1/info} shows, built from the configuration. */
@Singleton
public class DomainBeans {

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    NotificationFactory notificationFactory(NotifierConfig config) {
        return new NotificationFactory(config.failoverApiUrl().orElse(null));
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(NotifierConfig config) {
        NotifierConfig.Delivery delivery = config.delivery();
        return new RetryPolicy(delivery.maxAttempts(), delivery.initialBackoff(), delivery.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @Singleton
    ServiceInfo serviceInfo(NotifierConfig config) {
        return new ServiceInfo("notifier-service", config.instance(), Map.of("defaultChannel", config.defaultChannel()));
    }
}
