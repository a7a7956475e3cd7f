package io.pra.notifier.api;

import java.time.Instant;

import io.pra.notifier.service.DeliverySummary;

/** A delivery as the API shows it: the channel by name, never its URL or credentials. */
public record DeliveryView(long id, String eventId, String eventType, String site, String severity, String channel,
        String status, int attempts, String lastError, Instant eventTime, Instant createdAt, Instant nextAttemptAt,
        Instant sentAt, boolean grouped) {

    static DeliveryView of(DeliverySummary delivery) {
        return new DeliveryView(delivery.id(), delivery.eventId().toString(), delivery.eventType(), delivery.site(),
                delivery.severity().toLowerCase(java.util.Locale.ROOT), delivery.channel(), delivery.status().name(),
                delivery.attempts(), delivery.lastError(), delivery.eventTime(), delivery.createdAt(),
                delivery.nextAttemptAt(), delivery.sentAt(), delivery.grouped());
    }
}
