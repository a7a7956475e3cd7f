package io.pra.health.service;

import io.pra.events.PraEvent;

/** Where the engine's events go: Kafka in the service, anything in a benchmark. Must not block. */
public interface EventSink {

    void publish(PraEvent event);
}
