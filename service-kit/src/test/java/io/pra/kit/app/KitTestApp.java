package io.pra.kit.app;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.kit.api.ServiceInfo;

/** What a service gives the kit: its identity, its event plumbing (settings come from {@link KitTestConfig}). */
@Singleton
public class KitTestApp implements ServiceInfo {

    static final String SERVICE = "kit-test";

    @Override
    public String service() {
        return SERVICE;
    }

    @Override
    public String instance() {
        return "it-1";
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("sourceSite", "a");
    }

    @Produces
    @Singleton
    EventCodec codec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    CloudEventFactory cloudEvents(Clock clock) {
        return new CloudEventFactory(SERVICE, instance(), clock);
    }
}
