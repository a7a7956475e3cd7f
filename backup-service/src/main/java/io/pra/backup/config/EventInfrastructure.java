package io.pra.backup.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;

/** The event plumbing the service shares: the codec and this instance's CloudEvents factory. */
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
}
