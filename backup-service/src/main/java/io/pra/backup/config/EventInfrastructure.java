package io.pra.backup.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.events.CloudEventFactory;
import io.pra.events.EventCodec;
import io.quarkus.arc.DefaultBean;

/** The clock and event plumbing the service shares; tests replace the clock with a {@code MutableClock}. */
public class EventInfrastructure {

    /** Name of this service in CloudEvents sources. */
    public static final String SERVICE = "backup-service";

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }

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
