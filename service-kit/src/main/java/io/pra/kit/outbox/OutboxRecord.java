package io.pra.kit.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.pra.events.CloudEventAttributes;
import io.pra.events.CloudEventHeaders;

/** One row of {@code outbox_event}: an event with its CloudEvents attributes, topic and record key. */
public record OutboxRecord(UUID id, String topic, String recordKey, String type, String source, String subject,
        Instant occurredAt, String payload) {

    /** The Kafka record: key, JSON value, CloudEvents binary-mode headers. */
    ProducerRecord<String, byte[]> toProducerRecord() {
        CloudEventAttributes attributes = new CloudEventAttributes(id.toString(), source, type, subject, occurredAt,
                CloudEventAttributes.SPEC_VERSION, CloudEventAttributes.DATA_CONTENT_TYPE);
        RecordHeaders headers = new RecordHeaders();
        CloudEventHeaders.write(attributes, headers);
        return new ProducerRecord<>(topic, null, recordKey, payload.getBytes(StandardCharsets.UTF_8), headers);
    }
}
