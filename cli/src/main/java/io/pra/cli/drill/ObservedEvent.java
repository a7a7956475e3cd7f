package io.pra.cli.drill;

import java.time.Instant;
import java.util.Map;

import io.pra.events.PraEvent;

/**
 * One record the drill saw on a {@code pra.*} topic: when it arrived, its CloudEvents attributes, the decoded
 * payload (null for a dead-letter record or a type this version does not know) and key fields for the report.
 */
record ObservedEvent(Instant receivedAt, String topic, String id, String type, String subject, Instant time,
        PraEvent event, Map<String, Object> keyFields) {
}
