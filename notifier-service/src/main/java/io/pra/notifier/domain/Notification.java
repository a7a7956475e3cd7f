package io.pra.notifier.domain;

import java.time.Instant;
import java.util.List;

import io.pra.events.health.Severity;

/**
 * What a channel tells people about one event, independent of the channel's format.
 *
 * @param eventId  CloudEvents id
 * @param type     CloudEvents type
 * @param title    one-line headline, e.g. {@code Failover completed}
 * @param site     the site the event is about
 * @param severity routing severity
 * @param time     when the event happened
 * @param facts    key facts in display order
 * @param link     link to the failover API for this run, or null
 */
public record Notification(String eventId, String type, String title, String site, Severity severity, Instant time,
        List<Fact> facts, String link) {

    public Notification {
        facts = List.copyOf(facts);
    }

    /** One labelled fact, e.g. {@code Epoch: 7}. */
    public record Fact(String label, String value) {
    }
}
