package io.pra.notifier.service;

import java.time.Instant;
import java.util.UUID;

import io.pra.notifier.domain.DeliveryStatus;
import io.pra.notifier.persistence.DeliveryEntity;

/** A delivery as the operator API reads it: the channel by name, never its URL or credentials. */
public record DeliverySummary(long id, UUID eventId, String eventType, String site, String severity, String channel,
        DeliveryStatus status, int attempts, String lastError, Instant eventTime, Instant createdAt,
        Instant nextAttemptAt, Instant sentAt, boolean grouped) {

    static DeliverySummary of(DeliveryEntity delivery) {
        return new DeliverySummary(delivery.id, delivery.eventId, delivery.eventType, delivery.site, delivery.severity,
                delivery.channel, delivery.status, delivery.attempts, delivery.lastError, delivery.eventTime,
                delivery.createdAt, delivery.nextAttemptAt, delivery.sentAt, delivery.groupKey != null);
    }
}
