package io.pra.kit.app;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.kit.api.ServiceInfo;

/** What a service gives the kit: its identity and event plumbing (settings come from {@link KitTestConfig}). */
public class KitTestApp {

    static final String SERVICE = "kit-test";

    @Produces
    @Singleton
    ServiceInfo info() {
        return new ServiceInfo(SERVICE, "it-1", Map.of("sourceSite", "a"));
    }

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    CloudEventFactory cloudEvents(Clock clock) {
        return new CloudEventFactory(SERVICE, "it-1", clock);
    }
}
