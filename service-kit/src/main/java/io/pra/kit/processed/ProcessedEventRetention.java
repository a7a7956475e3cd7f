package io.pra.kit.processed;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.pra.kit.retention.RetentionRule;

/** Processed ids are kept for {@code pra.processed-events.retention}, then pruned. */
@Singleton
public class ProcessedEventRetention {

    @Produces
    @Singleton
    RetentionRule processedEventRetention(ProcessedEventSettings settings) {
        return new RetentionRule("processed_event", "processed_at", settings.retention());
    }
}
