package io.pra.failover.messaging;

import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;
import io.pra.events.EventCodec;
import io.pra.events.PraEvent;
import io.pra.events.UnknownEventTypeException;

/**
 * A consumed record read as a PRA event.
 *
 * @param id    the CloudEvents id (consumers dedupe on it)
 * @param event the validated payload
 */
public record IncomingEvent(UUID id, CloudEventAttributes attributes, PraEvent event) {

    /**
     * Reads a record; empty for a type this version does not know (skip it: a newer producer may
     * have added it). A bad record throws {@link io.pra.events.InvalidEventException}, which nacks it
     * to the dead-letter topic with the reason.
     */
    public static Optional<IncomingEvent> read(ConsumerRecord<String, byte[]> record, EventCodec codec) {
        CloudEventAttributes attributes;
        try {
            attributes = CloudEventHeaders.read(record.headers());
        } catch (UnknownEventTypeException e) {
            return Optional.empty();
        }
        PraEvent event = codec.read(record.value(), attributes.type());
        return Optional.of(new IncomingEvent(UUID.fromString(attributes.id()), attributes, event));
    }
}
