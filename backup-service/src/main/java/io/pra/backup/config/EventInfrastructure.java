package io.pra.backup.config;

import java.time.Clock;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.pra.kit.api.ServiceInfo;

/** What the service shares: the event codec, this instance's CloudEvents factory and its {@code /api/v1/info}. */
public class EventInfrastructure {

    /** Name of this service in CloudEvents sources. */
    public static final String SERVICE = "backup-service";

    @Produces
    @Singleton
    CloudEventFactory cloudEventFactory(BackupConfig config, Clock clock) {
        return new CloudEventFactory(SERVICE, config.instance(), clock);
    }

    @Produces
    @Singleton
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Produces
    @Singleton
    ServiceInfo serviceInfo(BackupConfig config) {
        return new ServiceInfo(SERVICE, config.instance(),
                Map.of("sourceSite", config.sourceSite(), "veleroNamespace", config.veleroNamespace()));
    }
}
