package io.pra.kit.outbox;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.kit.retention.RetentionRule;

/** Published outbox rows are kept for {@code pra.outbox.retention}, then pruned; unpublished ones never are. */
@Singleton
public class OutboxRetention {

    @Produces
    @Singleton
    RetentionRule outboxRetention(OutboxSettings settings) {
        return new RetentionRule("outbox_event", "published_at", settings.retention());
    }
}
