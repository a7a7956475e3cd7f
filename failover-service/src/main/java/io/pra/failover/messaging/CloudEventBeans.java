package io.pra.failover.messaging;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.failover.config.FailoverConfig;
import io.pra.kit.api.ServiceInfo;

/** The shared event codec, this instance's CloudEvents factory and what {@code /api/v1/info} shows of it. */
public class CloudEventBeans {

    /** Service name in CloudEvents sources and the dead-letter topic. */
    public static final String SERVICE = "failover-service";

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    CloudEventFactory cloudEventFactory(FailoverConfig config, Clock clock) {
        return new CloudEventFactory(SERVICE, config.instance(), clock);
    }

    @Produces
    @Singleton
    ServiceInfo serviceInfo(FailoverConfig config) {
        return new ServiceInfo(SERVICE, config.instance(),
                Map.of("sourceSite", config.sourceSite(), "targetSite", config.targetSite()));
    }
}
