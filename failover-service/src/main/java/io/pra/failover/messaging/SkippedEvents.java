package io.pra.failover.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.pra.events.CloudEventHeaders;

/** Counts records of event types this version does not know ({@code pra_events_skipped_total}). */
@ApplicationScoped
public class SkippedEvents {

    private static final Logger LOG = Logger.getLogger(SkippedEvents.class);

    private final MeterRegistry registry;

    SkippedEvents(MeterRegistry registry) {
        this.registry = registry;
    }

    void unknownType(String channel, ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String typeName = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
        registry.counter("pra.events.skipped", "channel", channel, "type", typeName).increment();
        LOG.infof("skipped an event of unknown type %s on %s (offset %d)", typeName, record.topic(), record.offset());
    }
}
