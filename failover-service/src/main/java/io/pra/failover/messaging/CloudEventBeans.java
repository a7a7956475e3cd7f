package io.pra.failover.messaging;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.failover.config.FailoverConfig;

/** The shared event codec and this instance's CloudEvents factory. */
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
}
