package io.pra.notifier.channel;

import java.util.stream.Collectors;

import io.pra.notifier.domain.Notification;

/** The one-line summary of an event inside a grouped message. */
final class Digest {

    private static final int FACTS_PER_LINE = 3;

    private Digest() {
    }

    static String line(OutgoingEvent event) {
        Notification notification = event.notification();
        return notification.time() + " — " + notification.facts().stream().limit(FACTS_PER_LINE)
                .map(fact -> fact.label() + ": " + fact.value()).collect(Collectors.joining(", "));
    }
}
